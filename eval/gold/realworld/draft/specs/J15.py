STMTS = []
