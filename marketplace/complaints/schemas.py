"""What the complaint operations of the API accept and answer (see ``marketplace.schemas``)."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, RootModel, model_validator
from pydantic_core import PydanticCustomError

from marketplace.i18n import N_
from marketplace.schemas import REQUIRED_TEXT, TEXT, ApiModel, Id, RequiredText, Text

__all__ = ["Answer", "Complaint", "ComplaintList", "Feedback", "Lodge", "Step"]

Topic = Literal["overdue", "fees", "quality", "attitude", "conduct", "other"]


class Lodge(ApiModel):
    """A complaint about one of your orders (order_id) or about an agency (agency_id)."""

    model_config = ConfigDict(
        json_schema_extra={
            "anyOf": [
                {"required": ["order_id"], "properties": {"order_id": {"type": "integer"}}},
                {"required": ["agency_id"], "properties": {"agency_id": {"type": "integer"}}},
            ]
        }
    )

    order_id: Id | None = None
    agency_id: Id | None = None
    topic: Topic
    description: Annotated[
        str, Field(max_length=2000, json_schema_extra=REQUIRED_TEXT), RequiredText
    ]

    @model_validator(mode="after")
    def _names_what(self) -> Lodge:
        if self.order_id is None and self.agency_id is None:
            raise PydanticCustomError(
                "message",
                "{id}",
                {"id": N_("Choose the agency the complaint is about."), "field": "agency_id"},
            )
        return self


class Answer(ApiModel):
    """The office's answer (step ``answer``); ``outcome`` when the order is under complaint."""

    answer: Annotated[str, Field(max_length=2000, json_schema_extra=REQUIRED_TEXT), RequiredText]
    outcome: Literal["", "resume", "cancel"] = ""


class Feedback(ApiModel):
    """The enterprise's verdict (step ``feedback``)."""

    satisfied: Literal["yes", "no"]
    feedback: Annotated[str, Field(max_length=1000, json_schema_extra=TEXT), Text] = ""


class Step(RootModel[Answer | Feedback]):
    """An answer (step ``answer``) or a verdict (step ``feedback``)."""


class Complaint(BaseModel):
    id: int
    number: str | None
    state: str
    enterprise_id: int
    agency_id: int
    order_id: int | None
    topic: str
    description: str
    received_on: str
    due_on: str
    answer: str | None
    outcome: str | None
    answered_on: str | None
    answered_in_time: bool | None
    satisfied: bool | None
    feedback: str | None


class ComplaintList(BaseModel):
    complaints: list[Complaint]
