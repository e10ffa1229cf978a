# corpus: label=secure cwe=CWE-22 function=invoice_pdf
import os

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404


@login_required
def invoice_pdf(request):
    """GET /billing/invoice/?name=INV-2024-0012.pdf"""
    name = request.GET.get("name", "")
    invoices_dir = os.path.realpath(os.path.join(settings.MEDIA_ROOT, "invoices"))
    path = os.path.realpath(os.path.join(invoices_dir, name))
    if os.path.commonpath([invoices_dir, path]) != invoices_dir or not os.path.isfile(path):
        raise Http404("Invoice not found")
    return FileResponse(open(path, "rb"), content_type="application/pdf")
