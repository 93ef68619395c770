"""Measuring budgetlens's output against hand-written gold."""
