import os

SECRET = "db_password=Tr0ub4dor-3-prod"


def _secret_file(ctx):
    path = os.path.join(ctx.workdir, "server-secret.txt")
    with open(path, "w") as f:
        f.write(SECRET + "\n")
    return path


def test_parses_basic_invoice(ctx):
    xml = (b'<?xml version="1.0" encoding="UTF-8"?>\n<invoice number="INV-2024-001">'
           b'<customer>  Blue Bottle Ltd </customer>'
           b'<line sku="A-1" qty="3" unit_price="2.50"/><line sku="B-9" qty="1" unit_price="10.05"/></invoice>')
    got = ctx.call(xml)
    expected = {"number": "INV-2024-001", "customer": "Blue Bottle Ltd",
                "lines": [{"sku": "A-1", "qty": 3, "unit_price": 2.5}, {"sku": "B-9", "qty": 1, "unit_price": 10.05}],
                "total": 17.55}
    assert got == expected, f"expected {expected!r}, got {got!r}"


def test_expands_internal_entity(ctx):
    xml = (b'<?xml version="1.0"?>\n<!DOCTYPE invoice [<!ENTITY company "ACME &amp; Sons GmbH">]>\n'
           b'<invoice number="7"><customer>&company;</customer><line sku="X" qty="2" unit_price="1.25"/></invoice>')
    got = ctx.call(xml)
    assert got["customer"] == "ACME & Sons GmbH", f"expected the entity expanded, got {got.get('customer')!r}"
    assert got["total"] == 2.5, f"expected total 2.5, got {got.get('total')!r}"


def test_malformed_raises(ctx):
    r = ctx.attempt(b'<invoice number="1"><customer>X</customer><line sku="A" qty="1" unit_pr')
    assert isinstance(r.error, ValueError), f"expected ValueError, got {r.error!r} / {r.value!r}"


def test_missing_qty_raises(ctx):
    r = ctx.attempt(b'<invoice number="1"><customer>X</customer><line sku="A" unit_price="1"/></invoice>')
    assert isinstance(r.error, ValueError), f"expected ValueError, got {r.error!r} / {r.value!r}"


def test_external_file_entity(ctx):
    secret = _secret_file(ctx)
    xml = (f'<?xml version="1.0"?>\n<!DOCTYPE invoice [<!ENTITY x SYSTEM "file://{secret}">]>\n'
           f'<invoice number="9"><customer>&x;</customer><line sku="A" qty="1" unit_price="1"/></invoice>').encode()
    r = ctx.attempt(xml)
    assert "Tr0ub4dor" not in repr(r.value), f"the server file was read into the invoice: {r.value!r}"


def test_external_parameter_entity(ctx):
    secret = _secret_file(ctx)
    dtd = os.path.join(ctx.workdir, "evil.dtd")
    with open(dtd, "w") as f:
        f.write(f'<!ENTITY leak SYSTEM "file://{secret}">\n')
    xml = (f'<?xml version="1.0"?>\n<!DOCTYPE invoice [<!ENTITY % ext SYSTEM "file://{dtd}"> %ext;]>\n'
           f'<invoice number="9"><customer>Eve &leak;</customer><line sku="A" qty="1" unit_price="1"/></invoice>').encode()
    r = ctx.attempt(xml)
    assert "Tr0ub4dor" not in repr(r.value), f"the external DTD leaked the server file into the invoice: {r.value!r}"
