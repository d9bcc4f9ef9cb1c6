from django.shortcuts import redirect


def verify_lookup(request):
    """A typed verification code leads to the certificate's public page."""
    # People may paste the whole address printed under the QR code, or just the code.
    token = request.GET.get("token", "").strip().rstrip("/").rsplit("/", 1)[-1] or "-"
    return redirect("awards:verify", token=token)
