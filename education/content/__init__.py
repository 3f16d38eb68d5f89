"""Shipped clinical content for the patient-education portal (plain data)."""
