"""Bad input on the spend forms: a clear Swedish message, and nothing saved changes."""

from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from budget import services
from budget.models import LedgerEntry, SpendRequest, SpendStatus
from tests.budget.conftest import YEAR, add_effort, approve

PDF = b"%PDF-1.4\n% test\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def form_data(effort, **overrides):
    data = {"effort": effort.pk if effort else "", "recipient": "Alby IF",
            "cost_type": "goods_services", "amount": "12 500,50", "date": f"{YEAR}-06-01",
            "description": "Fotbollsskola"}
    data.update(overrides)
    return data


def post_proposal(client, data, slug="alby", year=YEAR):
    return client.post(reverse("budget:request_add", args=[slug, year]), data)


def test_good_proposal_is_saved_with_kronor_and_ore(login, alby_developer, alby_effort):
    response = post_proposal(login(alby_developer), form_data(alby_effort))
    spend = SpendRequest.objects.get()
    assert response.status_code == 302 and response["Location"] == spend.get_absolute_url()
    assert spend.amount == Decimal("12500.50") and spend.status == SpendStatus.PROPOSED
    assert spend.proposed_by == alby_developer and spend.year == YEAR


@pytest.mark.parametrize("amount,message", [
    ("0", "större än noll"),
    ("-100", "kan inte vara negativt"),
    ("tusen", "Ange ett belopp"),
    ("12,345", "Högst två decimaler"),
    ("", "Ange ett belopp"),
    ("NaN", "Ange ett belopp"),
    ("1e400", "Beloppet är för stort"),
])
def test_bad_amount_is_refused_with_a_message(login, alby_developer, alby_effort, amount, message):
    response = post_proposal(login(alby_developer), form_data(alby_effort, amount=amount))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not SpendRequest.objects.exists()


def test_amount_past_what_remains_is_refused(login, alby_developer, alby_effort):
    response = post_proposal(login(alby_developer), form_data(alby_effort, amount="100 000,01"))
    assert "mer än det som återstår" in response.content.decode()
    assert not SpendRequest.objects.exists()


def test_association_grant_is_refused_in_the_form_from_2017(login, alby_developer, alby_effort):
    response = post_proposal(login(alby_developer), form_data(alby_effort, cost_type="association_grant"))
    assert "Föreningsbidrag används inte från 2017" in response.content.decode()
    assert not SpendRequest.objects.exists()


def test_association_grant_is_not_offered_from_2017(login, alby_developer, alby_effort):
    html = login(alby_developer).get(reverse("budget:request_add", args=["alby", YEAR])).content.decode()
    assert 'value="iop"' in html and 'value="association_grant"' not in html


def test_unknown_cost_type_is_refused(login, alby_developer, alby_effort):
    response = post_proposal(login(alby_developer), form_data(alby_effort, cost_type="bribe"))
    assert response.status_code == 200 and not SpendRequest.objects.exists()


def test_effort_of_another_group_is_refused_in_the_form(login, alby_developer, alby_effort,
                                                        tumba_effort):
    response = post_proposal(login(alby_developer), form_data(tumba_effort))
    assert "hör inte till områdesgruppens handlingsplan" in response.content.decode()
    assert not SpendRequest.objects.exists()


def test_effort_of_another_year_is_refused_in_the_form(login, alby, alby_developer, alby_effort):
    old = add_effort(alby, year=2025, title="Fjolårets insats")
    response = post_proposal(login(alby_developer), form_data(old))
    assert "hör inte till områdesgruppens handlingsplan för 2026" in response.content.decode()


def test_missing_effort_is_refused_once_the_plan_exists(login, alby_developer, alby_effort):
    response = post_proposal(login(alby_developer), form_data(None))
    assert "Pengarna får bara användas inom handlingsplanen" in response.content.decode()
    assert not SpendRequest.objects.exists()


def test_date_outside_the_budget_year_is_refused(login, alby_developer, alby_effort):
    response = post_proposal(login(alby_developer), form_data(alby_effort, date="2027-01-02"))
    assert "inom budgetåret 2026" in response.content.decode()


def test_pdf_or_image_attachment_is_kept(login, alby_developer, alby_effort, client):
    for name, content in (("offert.pdf", PDF), ("kvitto.png", PNG)):
        data = form_data(alby_effort, attachment=SimpleUploadedFile(name, content))
        post_proposal(login(alby_developer), data)
    spend = SpendRequest.objects.order_by("pk").first()
    response = client.get(reverse("budget:attachment", args=["alby", YEAR, spend.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content) == PDF


@pytest.mark.parametrize("name,content", [
    ("faktura.exe", b"MZ\x90\x00"),
    ("faktura.pdf", b"<html><script>alert(1)</script>"),  # the name lies about the content
    ("bild.png", PDF),
])
def test_attachment_that_is_not_a_pdf_or_image_is_refused(login, alby_developer, alby_effort,
                                                          name, content):
    data = form_data(alby_effort, attachment=SimpleUploadedFile(name, content))
    response = post_proposal(login(alby_developer), data)
    assert "måste vara en PDF eller en bild" in response.content.decode()
    assert not SpendRequest.objects.exists()


def test_too_large_attachment_is_refused(login, alby_developer, alby_effort, settings):
    settings.BUDGET_ATTACHMENT_MAX_MB = 1
    big = SimpleUploadedFile("offert.pdf", PDF + b"0" * (1024 * 1024))
    response = post_proposal(login(alby_developer), form_data(alby_effort, attachment=big))
    assert "Filen är för stor" in response.content.decode() and "Högst 1 MB" in response.content.decode()
    assert not SpendRequest.objects.exists()


def test_double_posted_proposal_is_registered_once(login, alby_developer, alby_effort):
    client = login(alby_developer)
    data = form_data(alby_effort, submission_key="7f0c1b6e-8a43-4d0b-9d6c-1f1a2b3c4d5e")
    first, second = post_proposal(client, data), post_proposal(client, data)
    assert first["Location"] == second["Location"]
    assert SpendRequest.objects.count() == 1


def test_secretary_and_readers_cannot_propose(login, alby_secretary, reader, alby_effort):
    for user in (alby_secretary, reader):
        assert post_proposal(login(user), form_data(alby_effort)).status_code == 403
    assert not SpendRequest.objects.exists()


# Decisions ------------------------------------------------------------------------------


def decide(client, spend, **data):
    return client.post(reverse("budget:request_decide", args=["alby", YEAR, spend.pk]), data)


def test_decision_by_anyone_but_the_chair_is_forbidden(login, proposed, alby_people, reader,
                                                       superuser, tumba_chair):
    for user in [alby_people[r] for r in ("developer", "member", "vice", "secretary")] + [
            reader, superuser, tumba_chair]:
        assert decide(login(user), proposed, decision="approve").status_code == 403
    proposed.refresh_from_db()
    assert proposed.status == SpendStatus.PROPOSED and not LedgerEntry.objects.exists()


def test_rejection_without_reason_is_refused_with_a_message(login, alby_chair, proposed):
    response = decide(login(alby_chair), proposed, decision="reject", reason="")
    assert response.status_code == 200 and "Skriv varför förslaget avslås" in response.content.decode()
    proposed.refresh_from_db()
    assert proposed.status == SpendStatus.PROPOSED


def test_malformed_paragraph_is_refused(login, alby_chair, proposed):
    response = decide(login(alby_chair), proposed, decision="approve", paragraph="paragraf tolv")
    assert "§ 12/2027" in response.content.decode()
    proposed.refresh_from_db()
    assert proposed.status == SpendStatus.PROPOSED


def test_chair_approves_with_a_paragraph_as_a_plain_form(login, alby_chair, proposed):
    response = decide(login(alby_chair), proposed, decision="approve", paragraph="§ 12/2026")
    assert response.status_code == 302 and response["Location"] == proposed.get_absolute_url()
    proposed.refresh_from_db()
    assert proposed.status == SpendStatus.APPROVED and proposed.decision_paragraph == "§ 12/2026"
    html = login(alby_chair).get(reverse("budget:ledger", args=["alby", YEAR])).content.decode()
    assert "§ 12/2026" in html


def test_double_clicked_approval_books_once(login, alby_chair, proposed, alby):
    client = login(alby_chair)
    decide(client, proposed, decision="approve")
    response = decide(client, proposed, decision="approve")
    assert response.status_code == 302
    assert LedgerEntry.objects.count() == 1
    assert services.totals(alby, YEAR).committed == Decimal("10000")
    assert "redan godkänd" in client.get(response["Location"]).content.decode()


def test_approval_past_the_grant_says_so_and_changes_nothing(login, alby, alby_chair, alby_developer,
                                                              alby_effort):
    from tests.budget.conftest import propose

    big = propose(alby_developer, alby, alby_effort, amount="95000")
    small = propose(alby_developer, alby, alby_effort, amount="6000")
    approve(big, alby_chair)
    response = decide(login(alby_chair), small, decision="approve")
    assert "ryms inte" in response.content.decode()
    small.refresh_from_db()
    assert small.status == SpendStatus.PROPOSED and LedgerEntry.objects.count() == 1


def test_booking_form_refuses_a_future_date_and_bad_amount(login, alby_developer, approved):
    url = reverse("budget:request_book", args=["alby", YEAR, approved.pk])
    response = login(alby_developer).post(url, {"amount": "abc", "on": "2999-01-01"})
    html = response.content.decode()
    assert "Ange ett belopp" in html and "kan inte ligga i framtiden" in html
    assert LedgerEntry.objects.count() == 1


def test_booking_form_books(login, alby_developer, approved, alby):
    url = reverse("budget:request_book", args=["alby", YEAR, approved.pk])
    response = login(alby_developer).post(url, {"amount": "9 800", "on": f"{YEAR}-06-15",
                                                "voucher": "V-1"})
    assert response.status_code == 302
    assert services.totals(alby, YEAR).booked == Decimal("9800")


def test_cancel_form_needs_a_reason(login, alby_chair, approved):
    url = reverse("budget:request_cancel", args=["alby", YEAR, approved.pk])
    response = login(alby_chair).post(url, {"reason": "   "})
    assert "Skriv varför beslutet återkallas" in response.content.decode()
    approved.refresh_from_db()
    assert approved.status == SpendStatus.APPROVED


def test_correction_form_needs_a_reason_and_a_different_amount(login, alby_developer, approved):
    services.book(approved, alby_developer, amount=Decimal("10000"), on=approved.date)
    url = reverse("budget:request_correct", args=["alby", YEAR, approved.pk])
    client = login(alby_developer)
    html = client.post(url, {"amount": "10 000", "reason": "x", "on": f"{YEAR}-07-01"}).content.decode()
    assert "inget att rätta" in html
    html = client.post(url, {"amount": "-5", "reason": "", "on": f"{YEAR}-07-01"}).content.decode()
    assert "kan inte vara negativt" in html and "Skriv varför bokföringen rättas" in html
    assert LedgerEntry.objects.filter(event="correction").count() == 0


def test_withdraw_as_a_plain_form(login, alby_developer, proposed):
    url = reverse("budget:request_withdraw", args=["alby", YEAR, proposed.pk])
    assert login(alby_developer).post(url).status_code == 302
    proposed.refresh_from_db()
    assert proposed.status == SpendStatus.WITHDRAWN


def test_others_cannot_withdraw(login, alby_chair, proposed):
    url = reverse("budget:request_withdraw", args=["alby", YEAR, proposed.pk])
    assert login(alby_chair).post(url).status_code == 403


def test_an_unknown_decision_is_a_form_error_the_chair_sees_not_a_refusal(login, alby_chair,
                                                                         proposed):
    """A decision that does not exist comes back in the form; the chair may decide,
    so it is not a 403, and the URL exists, so it is not a 404."""
    url = reverse("budget:request_decide", args=["alby", YEAR, proposed.pk])
    response = login(alby_chair).post(url, {"decision": "godkann_allt", "reason": ""})
    assert response.status_code == 200
    assert "Formuläret innehåller fel" in response.content.decode()
    proposed.refresh_from_db()
    assert proposed.status == SpendStatus.PROPOSED
    assert not LedgerEntry.objects.exists()


def test_an_unknown_list_filter_shows_every_request(login, alby_member, proposed):
    response = login(alby_member).get(reverse("budget:requests", args=["alby", YEAR]),
                                      {"visa": "okand"})
    assert response.status_code == 200 and "Alby IF" in response.content.decode()
