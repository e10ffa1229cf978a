# corpus: label=insecure cwe=CWE-22 function=invoice_pdf
import os

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404


@login_required
def invoice_pdf(request):
    """GET /billing/invoice/?name=INV-2024-0012.pdf"""
    name = request.GET.get("name", "")
    path = os.path.join(settings.MEDIA_ROOT, "invoices", name)
    if not os.path.exists(path):
        raise Http404("Invoice not found")
    return FileResponse(open(path, "rb"), content_type="application/pdf")
