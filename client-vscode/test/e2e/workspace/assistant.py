import sqlite3

# suggest: lookup
