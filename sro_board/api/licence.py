"""The open data's licence and how to cite it (shown on the pages, named in every file)."""

from flask_babel import lazy_gettext as _l

# The Open Government Licence pattern (OGL – Canada 2.0, also the model of Alberta's and the
# City of Calgary's open data licences): anyone may copy, adapt, publish and use the data,
# commercially or not, with an attribution; no personal information is licensed.
LICENCE_NAME = _l("Open Government Licence – Calgary Police Service (modelled on OGL – Canada 2.0)")
ATTRIBUTION = _l(
    "Contains information licensed under the Open Government Licence – Calgary Police Service."
)
PUBLISHER = "Calgary Police Service"
