# corpus: label=neutral cwe=- function=levenshtein


def levenshtein(a: str, b: str) -> int:
    """Edit distance between two strings (used for 'did you mean' suggestions)."""
    if len(a) < len(b):
        a, b = b, a
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def suggest(word, vocabulary, max_distance=2):
    scored = sorted((levenshtein(word, v), v) for v in vocabulary)
    return [v for d, v in scored if d <= max_distance][:3]
