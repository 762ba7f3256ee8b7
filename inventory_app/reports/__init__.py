"""Reports computed in SQL: inventory, target gap, cost per pupil, leasing, age, reconciliation. No Qt."""
