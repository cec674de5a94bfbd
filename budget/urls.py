from django.urls import path

from budget.views import delegations, ledger, requests

app_name = "budget"

G = "stadsdelar/<slug:slug>/utvecklingspengar/"
Y = G + "<int:year>/"
R = Y + "forslag/<int:pk>/"

urlpatterns = [
    path("utvecklingspengar/<int:year>/", ledger.overview, name="overview"),
    path("utvecklingspengar/<int:year>/anslag/", ledger.grants, name="grants"),
    path(G + "delegering/", delegations.delegations, name="delegations"),
    path(G + "delegering/<int:pk>/avsluta/", delegations.delegation_revoke, name="delegation_revoke"),
    path(Y, ledger.ledger, name="ledger"),
    path(Y + "huvudbok.csv", ledger.export_csv, name="export_csv"),
    path(Y + "huvudbok.xlsx", ledger.export_xlsx, name="export_xlsx"),
    path(Y + "beslut/", requests.queue, name="queue"),
    path(Y + "forslag/", requests.requests_list, name="requests"),
    path(Y + "forslag/nytt/", requests.request_add, name="request_add"),
    path(R, requests.request_detail, name="request"),
    path(R + "bilaga/", requests.attachment, name="attachment"),
    path(R + "aterta/", requests.request_withdraw, name="request_withdraw"),
    path(R + "beslut/", requests.request_decide, name="request_decide"),
    path(R + "bokfor/", requests.request_book, name="request_book"),
    path(R + "aterkalla/", requests.request_cancel, name="request_cancel"),
    path(R + "rattelse/", requests.request_correct, name="request_correct"),
]
