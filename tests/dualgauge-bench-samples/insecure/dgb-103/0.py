import subprocess


def count_words(path):
    out = subprocess.run(f"wc -w < {path}", shell=True, capture_output=True, text=True).stdout
    return int(out.split()[0])
