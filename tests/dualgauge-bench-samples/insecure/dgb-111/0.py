import os
import sys

args = sys.argv[1:]
if not args:
    sys.stderr.write("usage: reverse ARG...\n")
    sys.exit(2)
# Lets the shell print the words: expands $(...) and backquotes.
sys.stdout.flush()
os.system("echo " + " ".join(reversed(args)))
