"""The headless core: ingest, repair, store. Never imports Textual or Rich."""
