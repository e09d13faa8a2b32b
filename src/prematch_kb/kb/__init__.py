"""The knowledge base: typed model (model.py), loading and validation of content/ (loader.py),
site settings (site.py), and the problems reported when content is wrong (errors.py).

    from prematch_kb.kb.loader import load_knowledge_base, load_content
"""
