# corpus: label=insecure cwe=CWE-601 function=switch_language
from django.conf import settings
from django.http import HttpResponseRedirect
from django.views.decorators.http import require_POST

SUPPORTED = {code for code, _ in settings.LANGUAGES}


@require_POST
def switch_language(request):
    lang = request.POST.get("language", settings.LANGUAGE_CODE)
    next_url = request.POST.get("next") or request.META.get("HTTP_REFERER", "/")
    response = HttpResponseRedirect(next_url)
    if lang in SUPPORTED:
        response.set_cookie(settings.LANGUAGE_COOKIE_NAME, lang, samesite="Lax")
    return response
