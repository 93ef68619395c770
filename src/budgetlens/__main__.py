"""`python -m budgetlens`: the same command as `budgetlens`."""

from budgetlens.cli import main

main()
