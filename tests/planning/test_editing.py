"""Editing in place (htmx and plain forms), bad input, the concurrent-edit guard."""

from decimal import Decimal

from django.urls import reverse

from planning.models import Effort, FollowUpRow, Section
from tests.planning.conftest import add_effort, walk

HX = {"HTTP_HX_REQUEST": "true"}


def effort_data(prefix="new", **overrides):
    data = {
        f"{prefix}-title": "Sommarlovsaktiviteter", f"{prefix}-description": "Varje vardag",
        f"{prefix}-goal": "Fler barn aktiva", f"{prefix}-organisation": "",
        f"{prefix}-start_date": "2026-06-15", f"{prefix}-end_date": "2026-08-15",
        f"{prefix}-planned_cost": "85000,50", f"{prefix}-indicators": "Antal deltagare",
    }
    data.update({f"{prefix}-{k}": v for k, v in overrides.items()})
    return data


def add_url():
    return reverse("planning:effort_add", args=["alby", 2026])


def test_developer_adds_an_effort_inline(client, alby_plan, alby_developer, org):
    client.force_login(alby_developer)
    response = client.post(add_url(), effort_data(organisation=org["KOF"].pk), **HX)
    assert response.status_code == 200
    effort = Effort.objects.get()
    assert effort.planned_cost == Decimal("85000.50") and effort.year == 2026
    html = response.content.decode()
    assert 'id="effort-list"' in html and 'hx-swap-oob="true"' in html and "Sommarlovsaktiviteter" in html
    assert 'id="messages"' in html  # messages swapped out of band


def test_add_effort_without_javascript_redirects_to_the_plan(client, alby_plan, alby_developer, org):
    client.force_login(alby_developer)
    response = client.post(add_url(), effort_data(organisation=org["KOF"].pk))
    assert response.status_code == 302 and response["Location"].startswith(alby_plan.get_absolute_url())


def test_empty_title_is_refused_in_place(client, alby_plan, alby_developer, org):
    client.force_login(alby_developer)
    response = client.post(add_url(), effort_data(title="", organisation=org["KOF"].pk), **HX)
    assert response.status_code == 200
    assert "Skriv vad insatsen heter." in response.content.decode()
    assert not Effort.objects.exists()


def test_effort_needs_someone_responsible(client, alby_plan, alby_developer):
    client.force_login(alby_developer)
    response = client.post(add_url(), effort_data(), **HX)
    assert "Ange vem som ansvarar" in response.content.decode()
    assert not Effort.objects.exists()


def test_effort_period_outside_the_plans_year_is_refused(client, alby_plan, alby_developer, org):
    client.force_login(alby_developer)
    response = client.post(
        add_url(), effort_data(organisation=org["KOF"].pk, end_date="2027-02-01"), **HX
    )
    assert "Perioden måste ligga inom handlingsplanens år (2026)." in response.content.decode()
    assert not Effort.objects.exists()


def test_negative_cost_is_refused(client, alby_plan, alby_developer, org):
    client.force_login(alby_developer)
    client.post(add_url(), effort_data(organisation=org["KOF"].pk, planned_cost="-5"), **HX)
    assert not Effort.objects.exists()


def test_frozen_plan_refuses_new_efforts_and_keeps_what_was_saved(
    client, alby_plan, alby_developer, alby_chair, org
):
    add_effort(alby_plan, "Första")
    walk(alby_plan, ["submit", "approve"], alby_developer, alby_chair)
    client.force_login(alby_developer)
    response = client.post(add_url(), effort_data(organisation=org["KOF"].pk), follow=True)
    assert "godkänd och låst" in response.content.decode()
    assert list(Effort.objects.values_list("title", flat=True)) == ["Första"]


def test_frozen_plan_refuses_edits(client, alby_plan, alby_developer, alby_chair, effort):
    walk(alby_plan, ["submit", "approve"], alby_developer, alby_chair)
    client.force_login(alby_chair)
    url = reverse("planning:effort_edit", args=["alby", 2026, effort.pk])
    data = effort_data(f"e{effort.pk}", title="Ändrad", version=effort.version)
    response = client.post(url, data, follow=True)
    assert "godkänd och låst" in response.content.decode()
    effort.refresh_from_db()
    assert effort.title == "Läxhjälp på biblioteket"


def test_edit_effort_inline_returns_the_row(client, alby_plan, alby_developer, effort, org):
    client.force_login(alby_developer)
    url = reverse("planning:effort_edit", args=["alby", 2026, effort.pk])
    assert f'name="e{effort.pk}-version"' in client.get(url, **HX).content.decode()
    data = effort_data(f"e{effort.pk}", title="Läxhjälp tre kvällar", organisation=org["UF"].pk,
                       version=effort.version)
    response = client.post(url, data, **HX)
    assert response.status_code == 200 and "Läxhjälp tre kvällar" in response.content.decode()
    effort.refresh_from_db()
    assert effort.title == "Läxhjälp tre kvällar" and effort.version == 2


def test_second_save_of_the_same_effort_is_refused_and_keeps_the_text(
    client, alby_plan, alby_developer, alby_chair, effort, org
):
    url = reverse("planning:effort_edit", args=["alby", 2026, effort.pk])
    opened_at = effort.version
    client.force_login(alby_chair)
    client.post(url, effort_data(f"e{effort.pk}", title="Chair's title", organisation=org["UF"].pk,
                                 version=opened_at), **HX)
    client.force_login(alby_developer)
    response = client.post(url, effort_data(f"e{effort.pk}", title="Developer's title",
                                            organisation=org["UF"].pk, version=opened_at), **HX)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Någon annan har sparat ändringar här" in html
    assert 'value="Developer&#x27;s title"' in html  # what they typed is still in the form
    assert "Den sparade versionen" in html and "Chair&#x27;s title" in html
    effort.refresh_from_db()
    assert effort.title == "Chair's title"


def test_second_save_of_a_section_is_refused(client, alby_analysis, alby_developer, alby_chair):
    section = Section.objects.filter(planning_year=alby_analysis.planning_year, document="analysis").first()
    url = reverse("planning:section_edit", args=["alby", 2026, "stadsdelsanalys", section.pk])
    prefix = f"s{section.pk}"
    client.force_login(alby_chair)
    client.post(url, {f"{prefix}-body": "Ordförandens text", f"{prefix}-version": 1}, **HX)
    client.force_login(alby_developer)
    response = client.post(url, {f"{prefix}-body": "Utvecklarens text", f"{prefix}-version": 1}, **HX)
    html = response.content.decode()
    assert "Någon annan har sparat" in html and "Utvecklarens text" in html
    section.refresh_from_db()
    assert section.body == "Ordförandens text"
    # Having seen the saved version, a deliberate second save goes through.
    assert f'name="{prefix}-version" value="2"' in html
    client.post(url, {f"{prefix}-body": "Utvecklarens text", f"{prefix}-version": 2}, **HX)
    section.refresh_from_db()
    assert section.body == "Utvecklarens text"


def test_section_text_is_never_rendered_as_html(client, alby_analysis, alby_developer):
    section = Section.objects.filter(planning_year=alby_analysis.planning_year, document="analysis").first()
    section.body = '<script>alert("x")</script>\n\nAndra stycket'
    section.save()
    client.force_login(alby_developer)
    html = client.get(alby_analysis.get_absolute_url()).content.decode()
    assert '<script>alert("x")</script>' not in html
    assert "&lt;script&gt;" in html and "<p>Andra stycket</p>" in html


def test_section_form_without_javascript_renders_the_whole_page(client, alby_analysis, alby_developer):
    section = Section.objects.filter(planning_year=alby_analysis.planning_year, document="analysis").first()
    client.force_login(alby_developer)
    url = reverse("planning:section_edit", args=["alby", 2026, "stadsdelsanalys", section.pk])
    html = client.get(url).content.decode()
    assert "<html" in html and "Spara avsnittet" in html


def test_reorder_and_remove_efforts(client, alby_plan, alby_developer):
    first, second = add_effort(alby_plan, "Första"), add_effort(alby_plan, "Andra")
    client.force_login(alby_developer)
    client.post(reverse("planning:effort_move", args=["alby", 2026, second.pk, "upp"]), **HX)
    assert list(alby_plan.efforts.values_list("title", flat=True)) == ["Andra", "Första"]
    response = client.post(reverse("planning:effort_remove", args=["alby", 2026, first.pk]), **HX)
    assert "Första" not in response.content.decode().split('id="messages"')[0]
    assert list(alby_plan.efforts.values_list("title", flat=True)) == ["Andra"]


def test_effort_followed_up_in_a_report_cannot_be_removed(client, alby_plan, alby_interim, alby_developer, effort):
    from planning import editing

    editing.sync_report_rows(alby_interim)
    client.force_login(alby_developer)
    response = client.post(reverse("planning:effort_remove", args=["alby", 2026, effort.pk]), follow=True)
    assert "följs redan upp" in response.content.decode()
    assert Effort.objects.filter(pk=effort.pk).exists()


def test_contact_member_updates_their_follow_up_row(client, alby_interim, alby_member, effort):
    from planning import editing

    editing.sync_report_rows(alby_interim)
    row = alby_interim.rows.get()
    client.force_login(alby_member)
    url = reverse("planning:row_edit", args=["alby", 2026, "delarsrapport", row.pk])
    p = f"r{row.pk}"
    response = client.post(url, {f"{p}-status": "ongoing", f"{p}-done": "Tio kvällar", f"{p}-outcome": "",
                                 f"{p}-comment": "", f"{p}-version": row.version}, **HX)
    assert response.status_code == 200 and "Tio kvällar" in response.content.decode()
    row.refresh_from_db()
    assert (row.status, row.done) == ("ongoing", "Tio kvällar")


def test_contact_member_edits_only_the_texts_of_their_effort(client, alby_plan, alby_member, effort):
    client.force_login(alby_member)
    url = reverse("planning:effort_edit", args=["alby", 2026, effort.pk])
    p = f"e{effort.pk}"
    client.post(url, {f"{p}-description": "Ny beskrivning", f"{p}-goal": "Mål", f"{p}-indicators": "",
                      f"{p}-title": "Kapad", f"{p}-planned_cost": "999999", f"{p}-version": 1}, **HX)
    effort.refresh_from_db()
    assert effort.description == "Ny beskrivning"
    assert effort.title == "Läxhjälp på biblioteket" and effort.planned_cost == Decimal("60000")


def test_report_row_for_an_effort_of_another_year_is_refused(client, alby, alby_interim, alby_developer):
    from planning import services

    old_plan = services.start_year(alby, 2025).action_plan
    old = add_effort(old_plan, "Förra årets")
    client.force_login(alby_developer)
    url = reverse("planning:row_add", args=["alby", 2026, "delarsrapport"])
    response = client.post(url, {"effort": old.pk}, follow=True)
    assert response.status_code == 200
    assert "Insatsen hör inte till årets handlingsplan" in response.content.decode()
    assert not FollowUpRow.objects.exists()


def test_follow_up_row_model_refuses_another_years_effort(alby, alby_interim):
    import pytest
    from django.core.exceptions import ValidationError

    from planning import services

    old = add_effort(services.start_year(alby, 2025).action_plan, "Förra årets")
    with pytest.raises(ValidationError, match="annat års"):
        FollowUpRow(report=alby_interim, effort=old).full_clean()


def test_reorder_and_remove_report_rows(client, alby_plan, alby_interim, alby_developer):
    from planning import editing

    add_effort(alby_plan, "Första"), add_effort(alby_plan, "Andra")
    editing.sync_report_rows(alby_interim)
    first, second = alby_interim.rows.all()
    client.force_login(alby_developer)
    client.post(reverse("planning:row_move", args=["alby", 2026, "delarsrapport", second.pk, "upp"]), **HX)
    assert [r.effort.title for r in alby_interim.rows.all()] == ["Andra", "Första"]
    client.post(reverse("planning:row_remove", args=["alby", 2026, "delarsrapport", first.pk]), **HX)
    assert [r.effort.title for r in alby_interim.rows.all()] == ["Andra"]
    # ... and the missing effort can be added back from the plan.
    response = client.post(reverse("planning:row_add", args=["alby", 2026, "delarsrapport"]),
                           {"effort": first.effort_id}, **HX)
    assert response.status_code == 200 and alby_interim.rows.count() == 2


def test_members_comment_on_an_effort(client, alby_plan, alby_member, effort):
    client.force_login(alby_member)
    url = reverse("planning:comment_add", args=["alby", 2026, "handlingsplan"])
    response = client.post(url, {"body": "Vi på UF bidrar med lokal", "effort": effort.pk}, follow=True)
    html = response.content.decode()
    assert "Vi på UF bidrar med lokal" in html and "Din kommentar är sparad." in html


def test_empty_comment_is_refused(client, alby_plan, alby_member):
    client.force_login(alby_member)
    response = client.post(reverse("planning:comment_add", args=["alby", 2026, "handlingsplan"]), {"body": ""})
    assert response.status_code == 200 and "Skriv en kommentar." in response.content.decode()


def test_workflow_buttons_follow_the_role(client, alby_plan, alby_developer, alby_chair, alby_member, effort):
    client.force_login(alby_developer)
    assert "Lämna till områdesgruppen" in client.get(alby_plan.get_absolute_url()).content.decode()
    client.post(reverse("planning:workflow", args=["alby", 2026, "handlingsplan", "submit"]))
    assert "Godkänn</button>" not in client.get(alby_plan.get_absolute_url()).content.decode()
    client.force_login(alby_chair)
    assert "Godkänn</button>" in client.get(alby_plan.get_absolute_url()).content.decode()
    client.force_login(alby_member)
    page = client.get(alby_plan.get_absolute_url()).content.decode()
    assert "Godkänn</button>" not in page and "Lägg till insatsen" not in page


def test_refused_step_over_http_says_why(client, alby_plan, alby_developer):
    client.force_login(alby_developer)
    response = client.post(reverse("planning:workflow", args=["alby", 2026, "handlingsplan", "submit"]),
                           follow=True)
    assert "Handlingsplanen har inga insatser" in response.content.decode()


def test_effort_edit_without_javascript_shows_the_form_in_the_page(client, alby_plan, alby_developer, effort):
    client.force_login(alby_developer)
    html = client.get(reverse("planning:effort_edit", args=["alby", 2026, effort.pk])).content.decode()
    assert "<html" in html and "Spara insatsen" in html and 'value="60\xa0000,00"' in html


def test_htmx_post_to_a_frozen_plan_reloads_the_page_with_the_reason(
    client, alby_plan, alby_developer, alby_chair, org
):
    add_effort(alby_plan, "Första")
    walk(alby_plan, ["submit", "approve"], alby_developer, alby_chair)
    client.force_login(alby_developer)
    response = client.post(add_url(), effort_data(organisation=org["KOF"].pk), **HX)
    assert response["HX-Redirect"].startswith(alby_plan.get_absolute_url())
    assert "godkänd och låst" in client.get(alby_plan.get_absolute_url()).content.decode()
    assert alby_plan.efforts.count() == 1


def test_refused_new_effort_without_javascript_lands_at_the_form_with_a_message(
    client, alby_plan, alby_developer, org
):
    client.force_login(alby_developer)
    response = client.post(add_url(), effort_data(title="", organisation=org["KOF"].pk,
                                                  end_date="2027-02-01"))  # no title, wrong year
    html = response.content.decode()
    assert response.status_code == 200 and not Effort.objects.exists()
    messages_area = html.split('id="messages"')[1].split("</div>")[0]
    assert "Insatsen lades inte till: rätta de 2 felen i formuläret." in messages_area
    # The page comes back at the form's action, which carries its anchor.
    assert f'id="add-effort" method="post" action="{add_url()}#add-effort"' in html
    assert "Skriv vad insatsen heter." in html


def test_refused_edits_without_javascript_come_back_at_their_form(client, alby_plan, alby_developer, effort):
    client.force_login(alby_developer)
    url = reverse("planning:effort_edit", args=["alby", 2026, effort.pk])
    html = client.post(url, effort_data(f"e{effort.pk}", title="", version=effort.version)).content.decode()
    assert f'action="{url}#effort-{effort.pk}"' in html
    assert "Insatsen sparades inte: rätta" in html


def test_htmx_refusal_shows_errors_in_place_without_a_summary(client, alby_plan, alby_developer):
    client.force_login(alby_developer)
    html = client.post(add_url(), effort_data(title=""), **HX).content.decode()
    assert "Skriv vad insatsen heter." in html and "Insatsen lades inte till" not in html


def test_effort_form_reports_every_error_in_one_round(client, alby_plan, alby_developer):
    client.force_login(alby_developer)
    data = effort_data(title="", planned_cost="mycket", end_date="2027-02-01")  # and no one responsible
    html = client.post(add_url(), data, **HX).content.decode()
    assert "Skriv vad insatsen heter." in html
    assert "Ange vem som ansvarar" in html
    assert "Perioden måste ligga inom handlingsplanens år" in html
    assert not Effort.objects.exists()
