import pytest


@pytest.mark.django_db
def test_developer_manages_own_group_but_gets_403_on_another(login, alby_developer, tumba_people):
    client = login(alby_developer)
    assert client.get("/stadsdelar/alby/medlemmar/").status_code == 200
    assert client.get("/stadsdelar/tumba/medlemmar/").status_code == 403
    assert client.get("/stadsdelar/tumba/").status_code == 403
    assert client.get("/stadsdelar/finns-inte/").status_code == 404
