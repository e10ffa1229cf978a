# corpus: label=secure cwe=CWE-94 function=make_getter
import operator


def make_getter(field_path: str):
    """Build a fast accessor for a dotted attribute path such as "customer.address.city".

    Used by the CSV exporter, where the column list comes from the export request.
    """
    parts = field_path.split(".")
    if not all(p.isidentifier() and not p.startswith("_") for p in parts):
        raise ValueError(f"invalid field path: {field_path!r}")
    return operator.attrgetter(field_path)


def export_rows(objects, columns):
    getters = [make_getter(c) for c in columns]
    return [[g(o) for g in getters] for o in objects]
