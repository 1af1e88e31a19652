"""Mining: proposing new glossary rows (a name and its Russian form) from aligned articles."""
