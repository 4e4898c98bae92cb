"""The PO format and the catalogs on disk.

- :mod:`~kisync.catalog.pofile` — read (strictly) and write PO files as GNU gettext does;
- :mod:`~kisync.catalog.linebreak` — where gettext breaks lines;
- :mod:`~kisync.catalog.merge` — templates and gettext's merge semantics;
- :mod:`~kisync.catalog.files` — one page's template and language catalogs;
- :mod:`~kisync.catalog.keys` — page keys, safe on every file system;
- :mod:`~kisync.catalog.layout` — where the catalogs are;
- :mod:`~kisync.catalog.scan` — counting a catalog fast (``kisync stats``).

Nothing is imported here, so that a pull with nothing changed loads no PO code.
"""
