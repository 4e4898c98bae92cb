"""Helpers the pipelines share: atomic writes (:mod:`~kisync.util.fsutil`), worker
processes (:mod:`~kisync.util.workers`), the project lock (:mod:`~kisync.util.runlock`),
choosing languages and pages (:mod:`~kisync.util.selection`) and the files shipped in
the package (:mod:`~kisync.util.shipped`)."""
