// Node-only helpers: load the shipped models and data files from this package's folders.
