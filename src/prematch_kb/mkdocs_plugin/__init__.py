"""The MkDocs plugin `prematch-kb`: a thin adapter from the knowledge base to MkDocs."""
