"""A vendor's dossier read as a whole: its DPA with the addenda and sub-processor lists joined to
it, its privacy policy, the contradictions between them, one rating and one list of questions.

``manifest`` reads ``vendor.toml``; ``together`` joins documents into the agreement they make up;
``join`` decides which documents belong together and merges what they say about recipients and
destinations; ``features`` and ``rules`` find contradictions between documents (``rules/vendor/``);
``combine`` makes the :class:`~dpcheck.vendor.model.VendorReport`. Scanning the files is
:mod:`dpcheck.dossier`'s business; rendering is ``dpcheck.report.vendor_*``'s.
"""
