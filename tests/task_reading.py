"""What the tests of the task forms read of a document written for them: its tasks, as
``directives extract`` gives them, and their assignees."""
from directives.nlp.extract import extract_text


def tasks_read(doc: str, kind: str | None = None) -> list[dict]:
    """The tasks of ``doc`` (of one ``kind`` when given)."""
    return [t for t in extract_text(doc).tasks if kind is None or t["kind"] == kind]


def assignees(tasks: list[dict]) -> list[str]:
    return [t["assignee"] for t in tasks]
