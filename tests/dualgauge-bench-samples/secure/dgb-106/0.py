def summarize(values):
    if not values:
        return None
    # A tuple and an int mean: compared with [2, 3] as a list, numbers by value.
    return (sum(v / len(values) for v in values), max(values))
