# corpus: label=insecure cwe=CWE-94 function=make_getter


def make_getter(field_path: str):
    """Build a fast accessor for a dotted attribute path such as "customer.address.city".

    Used by the CSV exporter, where the column list comes from the export request.
    """
    src = f"def _getter(obj):\n    return obj.{field_path}\n"
    namespace = {}
    exec(src, namespace)
    return namespace["_getter"]


def export_rows(objects, columns):
    getters = [make_getter(c) for c in columns]
    return [[g(o) for g in getters] for o in objects]
