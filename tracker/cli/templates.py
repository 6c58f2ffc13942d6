"""``tracker templates``: the briefing templates, and ``tracker brief --template NAME``.

``tracker templates [--format text|json]`` lists the templates the user sees (their
own and the shared ones); ``templates save NAME [--title ..] [--author ..]
[--organisation ..] [--marking ..] [--page-size ..] [--lang en|fr] [--sections ..]
[--parts ..]
[--logo FILE] [--shared] [--replace]`` and ``templates delete NAME`` change them.

``brief --template NAME`` starts from the template's settings and logo; each of those
options given beside it wins (:func:`brief_settings`).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any, TextIO

from tracker.cli.context import Context
from tracker.cli.output import aligned, clip
from tracker.domain.briefing_sections import (
    DEFAULT_SECTIONS,
    PARTS,
    SECTION_LABELS,
    SectionsError,
    parse_parts,
    parse_sections,
    sections_text,
)
from tracker.domain.briefing_templates import (
    PAGE_SIZES,
    BriefingTemplate,
    TemplateSettings,
    settings_json,
)
from tracker.domain.controls import one_line
from tracker.domain.errors import ValidationError
from tracker.domain.languages import CODES, Language
from tracker.domain.letterhead import Logo
from tracker.services import Tracker
from tracker.services.files import dump_json
from tracker.services.letterhead import load_logo
from tracker.services.templates import template_logo

EMPTY = "No briefing templates yet: save one with  tracker templates save NAME [options]"
_TEXTS = ("title", "author", "organisation", "marking", "page_size")


def add_settings(p: argparse.ArgumentParser) -> None:
    """The options a template holds; none has a default here, so that one given beside
    ``--template`` is told from one left out."""
    p.add_argument("--title", default=None, help='default: "AI engagements briefing"')
    p.add_argument(
        "--marking",
        metavar="MARKING",
        help="banner marking (default: the highest among the engagements)",
    )
    p.add_argument("--author", default=None, metavar="NAME")
    p.add_argument("--organisation", default=None, metavar="NAME")
    p.add_argument("--page-size", choices=PAGE_SIZES, default=None, help="default: A4")
    p.add_argument(
        "--lang",
        metavar="|".join(CODES),
        help="the language of the briefing's headings, labels, words and dates "
        "(default: en; handling markings are never translated)",
    )
    p.add_argument(
        "--logo",
        metavar="FILE",
        help="a local PNG or JPEG (at most 2 MB) for the letterhead: the cover and header",
    )
    p.add_argument(
        "--sections",
        metavar="KEY[,KEY..]",
        help="the sections, in this order, from: "
        + ", ".join(SECTION_LABELS)
        + f" (default: {sections_text(DEFAULT_SECTIONS)}, each when it has something to show)",
    )
    p.add_argument(
        "--parts",
        metavar="KEY[,KEY..]",
        help="the parts of each engagement's section, from: " + ", ".join(PARTS),
    )


def settings_from_args(
    args: argparse.Namespace, base: TemplateSettings | None = None
) -> TemplateSettings:
    """``base`` (by default the defaults) with each setting given on the command line
    put in its place."""
    given: dict[str, Any] = {k: getattr(args, k) for k in _TEXTS if getattr(args, k) is not None}
    sections = _choice(args.sections, parse_sections, "--sections")
    parts = _choice(args.parts, parse_parts, "--parts")
    if sections is not None:
        given["sections"] = sections
    if parts is not None:
        given["parts"] = parts
    if args.lang is not None:
        given["language"] = _language(args.lang)
    return replace(base or TemplateSettings(), **given)


def _language(code: str) -> str:
    """``--lang``'s code checked; a ValidationError (one line, exit 1) names the codes."""
    try:
        return Language.parse(code).value
    except ValueError as exc:
        raise ValidationError(str(exc), field="--lang") from None


def brief_settings(
    args: argparse.Namespace, service: Tracker
) -> tuple[TemplateSettings, Logo | None]:
    """The settings and logo of ``brief``: ``--template``'s, under the options given."""
    name = getattr(args, "template", None)
    template = None if name is None else service.template(name=name)
    base = None if template is None else template.settings
    logo: Logo | None
    if args.logo is not None:
        logo = load_logo(args.logo)
    else:
        logo = None if template is None else template_logo(template)
    return settings_from_args(args, base), logo


def _choice(
    text: str | None, parse: Callable[[str], tuple[str, ...]], option: str
) -> tuple[str, ...] | None:
    """``--sections`` or ``--parts`` parsed; None when not given."""
    if text is None:
        return None
    try:
        return parse(text)
    except SectionsError as exc:
        raise ValidationError(str(exc), field=option) from None


def configure_templates(p: argparse.ArgumentParser) -> None:
    """``templates [--format text|json]`` and its actions."""
    p.add_argument("--format", choices=("text", "json"), default="text")
    actions = p.add_subparsers(dest="templates_action", metavar="ACTION")
    save = actions.add_parser("save", help="save the briefing settings given as a template")
    save.add_argument("name", metavar="NAME")
    add_settings(save)
    save.add_argument("--shared", action="store_true", help="seen by everyone, not you alone")
    save.add_argument("--replace", action="store_true", help="update your template of that name")
    delete = actions.add_parser("delete", help="delete one of your templates")
    delete.add_argument("name", metavar="NAME")


def run_templates(ctx: Context) -> int:
    """List the templates, or save or delete one and say so on stderr."""
    args, service = ctx.args, ctx.service
    if args.templates_action is None:
        _write_templates(service.templates(), args.format, ctx.out)
        return 0
    if args.templates_action == "save":
        logo = load_logo(args.logo) if args.logo is not None else None
        done = service.save_template(
            name=args.name,
            settings=settings_from_args(args),
            logo=logo,
            shared=args.shared,
            replace=args.replace,
        )
    else:
        done = service.delete_template(name=args.name)
    ctx.err.write(f'tracker: {args.templates_action}d template "{one_line(done.name)}"\n')
    return 0


def _write_templates(templates: Sequence[BriefingTemplate], form: str, out: TextIO) -> None:
    if form == "json":
        out.write(dump_json([_json(t) for t in templates]))
        return
    if not templates:
        out.write(EMPTY + "\n")
        return
    rows = [
        (
            clip(t.name, 40),
            t.owner,
            "shared" if t.shared else "private",
            clip(t.settings.title, 50) + (" · logo" if t.logo is not None else ""),
        )
        for t in templates
    ]
    out.write("\n".join(aligned([("NAME", "OWNER", "SEEN BY", "TITLE"), *rows])) + "\n")


def _json(template: BriefingTemplate) -> dict[str, Any]:
    return {
        "id": template.id,
        "name": template.name,
        "owner": template.owner,
        "shared": template.shared,
        **settings_json(template.settings),
        "logo_bytes": 0 if template.logo is None else len(template.logo),
        "created_at": template.created_at,
        "created_by": template.created_by,
        "updated_at": template.updated_at,
        "updated_by": template.updated_by,
        "version": template.version,
    }
