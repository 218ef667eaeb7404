"""What sitrep writes for people and programs: the export (`export`), the situation report
(`report`, with its templates and the inlined charting library in `vendor`), screenshots (`browser`)."""
