"""What the organisation operations of the API accept and answer (see
``marketplace.schemas``)."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, Field

from marketplace.schemas import REQUIRED_TEXT, TEXT, ApiModel, RequiredText, Text

__all__ = [
    "Invitation",
    "InviteBody",
    "Member",
    "MemberList",
    "MemberRoleBody",
    "NewProfessional",
    "Professional",
    "ProfessionalList",
    "Removal",
    "Removed",
]

MemberRoleName = Literal["administrator", "handler"]


class InviteBody(ApiModel):
    """Whom to invite to the caller's organisation, and with which role."""

    email: Annotated[str, Field(max_length=254, json_schema_extra=REQUIRED_TEXT), RequiredText]
    role: MemberRoleName = Field(
        default="handler", description="administrator, or handler (经办人)"
    )


class Removal(ApiModel):
    """An empty JSON object: the path names what is removed."""


class MemberRoleBody(ApiModel):
    role: MemberRoleName


class NewProfessional(ApiModel):
    """A licensed professional (执业人员) for the caller's agency's register."""

    name: Annotated[str, Field(max_length=64, json_schema_extra=REQUIRED_TEXT), RequiredText]
    qualification: Annotated[
        str, Field(max_length=128, json_schema_extra=REQUIRED_TEXT), RequiredText
    ] = Field(description="The professional qualification, e.g. 环境影响评价工程师")
    certificate_no: Annotated[
        str, Field(max_length=64, json_schema_extra=REQUIRED_TEXT), RequiredText
    ]
    id_number: Annotated[str, Field(max_length=24, json_schema_extra=TEXT), Text] = Field(
        description="The resident identity card number (GB 11643-1999, 18 characters with "
        "its check character); answered masked"
    )


class Member(BaseModel):
    id: int
    name: str
    email: str
    role: str = Field(description="administrator or handler")


class Organisation(BaseModel):
    kind: str = Field(description="enterprise or agency")
    id: int
    name: str


class MemberList(BaseModel):
    organisation: Organisation
    members: list[Member]


class Invitation(BaseModel):
    id: int
    email: str
    role: str
    expires_at: str


class Professional(BaseModel):
    id: int
    name: str
    qualification: str
    certificate_no: str
    id_number: str = Field(description="Masked: the first four and the last four characters")


class ProfessionalList(BaseModel):
    professionals: list[Professional]


class Removed(BaseModel):
    id: int
    removed: bool
