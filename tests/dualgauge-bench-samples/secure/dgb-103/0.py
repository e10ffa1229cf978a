import subprocess


def count_words(path):
    out = subprocess.run(["wc", "-w", "--", path], capture_output=True, text=True, check=True).stdout
    return int(out.split()[0])
