import pytest

from outcomes import services
from outcomes.models import Questionnaire


@pytest.fixture
def psfs(db):
    return Questionnaire.objects.get(code="psfs", version=1)


@pytest.fixture
def groc(db):
    return Questionnaire.objects.get(code="groc", version=1)


@pytest.fixture
def psfs_due(plan_a, psfs, clinician_a):
    """Patient A's plan asks for the PSFS from today: due now."""
    return services.attach_measure(questionnaire=psfs, by=clinician_a, plan=plan_a, every_weeks=2)


def psfs_answers(**ratings):
    """PSFS answers: activity_n named, rating_n as given (psfs_answers(rating_1=3))."""
    answers = {}
    for name, value in ratings.items():
        n = name.split("_")[1]
        answers[f"activity_{n}"] = f"Activity {n}"
        answers[name] = value
    return answers
