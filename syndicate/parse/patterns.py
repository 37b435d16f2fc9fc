"""Every body-extraction heuristic as named data: tags, class/id patterns, text patterns, weights.

Each constant says what it catches. Class and id values are matched lower-cased; "parts" are
the runs of letters and digits in a class or id (``entry-meta__date`` -> entry, meta, date).
"""

from __future__ import annotations

import re

from lxml import etree

# ---------------------------------------------------------------------------------------------
# Finding the container
# ---------------------------------------------------------------------------------------------

# Elements that hold running text: every <p> and <pre>, plus blocks with a direct text node of
# some length (div soup, <td> layouts, text under <br>s, <font> pages, AMP's custom elements).
# Elements with a direct text node of 40 characters or more (no "/.." step: its document-order
# sort is quadratic-ish on huge pages); paragraphs are weighed on their own, so they are left
# out here rather than handed back by the hundred thousand on long pages, and so are scripts
# and styles (never units). The raw length test comes first: it is the cheapest and rejects
# most elements before the tag tests and normalize-space run. The functions read the context
# node without an argument: "(.)" would build a node-set of it for every text node tested.
LONG_TEXT_HOLDERS = etree.XPath(
    "descendant::*[text()[string-length() >= 40]]"
    "[not(self::p or self::pre or self::script or self::style)]"
    "[text()[string-length(normalize-space()) >= 40]]"
)
# The same from a top-level element down, itself included (<body> may hold text directly).
LONG_TEXT_HOLDERS_UNDER = etree.XPath(
    "descendant-or-self::*[text()[string-length() >= 40]]"
    "[not(self::p or self::pre or self::script or self::style)]"
    "[text()[string-length(normalize-space()) >= 40]]"
)
# The text nodes of LONG_TEXT_HOLDERS_UNDER, one step cheaper (no node-set of text per
# element): the elements are their parents, read back in document order.
LONG_TEXTS = etree.XPath(
    "descendant::text()[string-length() >= 40]"
    "[not(parent::p or parent::pre or parent::script or parent::style)]"
    "[string-length(normalize-space()) >= 40]"
)
# The same inside <head>, where most text is in scripts and styles: the tag test comes first,
# so their long texts are never copied to be measured.
LONG_TEXT_HOLDERS_HEAD = etree.XPath(
    "descendant::*[not(self::script or self::style)][text()[string-length() >= 40]]"
    "[not(self::p or self::pre)][text()[string-length(normalize-space()) >= 40]]"
)
# Elements whose long direct text is not running text.
NOT_UNITS = frozenset(
    ["p", "pre", "script", "style", "noscript", "textarea", "template", "option", "title",
     "a", "button", "label", "h1", "h2", "h3", "h4", "h5", "h6", "head", "html"]
)  # fmt: skip
# A text unit shorter than this (characters, whitespace collapsed) is not a paragraph: labels,
# bylines, button captions, "Share", timestamps.
MIN_UNIT_CHARS = 25
# Units with more of their text in links than this are navigation or teaser lists.
MAX_UNIT_LINK_DENSITY = 0.5
# Inline wrappers: a text unit that is one of these is counted for its nearest block ancestor.
INLINE_TAGS = frozenset(
    [
        "span",
        "font",
        "b",
        "strong",
        "i",
        "em",
        "u",
        "small",
        "big",
        "a",
        "abbr",
        "cite",
        "code",
        "mark",
        "q",
        "sub",
        "sup",
        "time",
        "label",
    ]
)
# A unit's weight is its text length plus this bonus per sentence-ending or comma, so prose
# outweighs a list of names of the same length.
PUNCTUATION_BONUS = 8
PUNCTUATION = re.compile(r"[.!?,;:»\"”。，、](?:\s|$)")

# A unit ending in an ellipsis or "Read more" is an excerpt of another page (teaser lists,
# "Breaking news" rails): it counts for this share of its weight. (``container`` looks for its
# ellipsis and words in an ASCII end before reading it: keep the two in step.)
TEASER_END = re.compile(r"(?:\.\.\.|…|\[…\]|\[\.\.\.\]|read more|continue reading)\s*\W?\s*$", re.I)
TEASER_WEIGHT = 0.2
# TEASER_END's longest match ("continue reading" and punctuation) fits in this many characters:
# the search looks only at a text's end.
TEASER_END_SPAN = 40
# Weights on a candidate container.
# Schema.org's marker of the body itself (itemprop="articleBody" / "text" inside an Article).
ARTICLE_BODY_BONUS = 1.6
# <article>, <main>, role=main, itemprop=articleBody ancestors: the page says where the story is.
SEMANTIC_TAG_BONUS = {"article": 1.15, "main": 1.05}
# Positive class/id words of article containers across CMSs (WordPress entry-content,
# Drupal field--body, Arc article-body, post-content, story-body, rich-text ...).
POSITIVE_CLASS = re.compile(
    r"article|body|content|entry|post|story|text|blog|prose|markdown|main|column|single"
)
POSITIVE_CLASS_BONUS = 1.12
# A unit's weight goes to its block parent in full and to the ancestors above it decaying by
# level, so the element that directly holds most of the prose scores highest.
LEVEL_DECAY = (1.0, 0.5, 0.25)
# From the best-scoring element the container grows to its parent while what the parent adds
# is mostly prose (paragraph weight per visible character at least CLIMB_DENSITY), or is
# under CLIMB_SLACK_CHARS characters: body sections split by headings and ads join, while
# sidebars, teaser lists and headers full of links stop the climb.
CLIMB_DENSITY = 0.6
CLIMB_SLACK_CHARS = 100
# ... and while at most this share of what it adds is link text (teaser lists link every
# headline; a story's own sections rarely do).
CLIMB_LINK_DENSITY = 0.3
# When the best container holds less than this share of the page's paragraph weight, the
# story is in fragments (page builders put each section in its own column): the container is
# then the deepest element holding COVERAGE of the weight.
FRAGMENT_SHARE = 0.4
# A candidate holding at least this share of the page's paragraph weight is considered to hold
# the whole article: the search takes the deepest such container.
COVERAGE = 0.72
# When the best container reaches less than this share of the page's paragraph weight, its
# siblings holding more than SIBLING_SHARE of its weight are merged with it (bodies split by
# ads or "pull quotes" into several containers).
SIBLING_SHARE = 0.2
# Below this much paragraph text the page has no article (a list page, an error page).
MIN_ARTICLE_CHARS = 120

# ---------------------------------------------------------------------------------------------
# Boilerplate: class and id patterns
# ---------------------------------------------------------------------------------------------

# Class tokens that carry taxonomy terms, not layout (WordPress post_class: tag-comments,
# category-sidebar, author-jane): their words say nothing about the element.
TAXONOMY_PREFIXES = (
    "tag-",
    "category-",
    "categories-",
    "author-",
    "postid-",
    "post-",
    "format-",
    "status-",
    "type-",
    "topic-",
    "section-",
    "tax-",
)
# ... except a prefix with a layout word among its parts: "author-box", "author-bio",
# "tag-list", "category-nav", also further on ("author-bio-box", "post-author-bio",
# "post-meta-items", "category-list__link") name widgets, not terms.
TAXONOMY_WIDGET = re.compile(
    r"[a-z]+(?:[-_]+[a-z0-9]+)*?[-_]+"
    r"(?:box|bio|info|card|profile|details|wrap|wrapper|about|desc|description|block|"
    r"area|container|section|list|links|cloud|nav|meta|widget|avatar|name)s?"
    r"(?:[-_]+[a-z0-9]+)*"
)
# Class tokens that give a block's publication state in the CMS, not a date line (Drupal's
# "paragraph-published", "node--unpublished"): their words say nothing about the element.
STATE_TOKEN = re.compile(
    r"(?:paragraph|node|block|entity|is)(?:[-_]+[a-z0-9]+)*?[-_]+(?:un)?published"
)
# Regions no article paragraph lives in: used while choosing the container (strong signals only).
EXCLUDED_REGION = re.compile(
    r"comment(?!ar)|(?<!has-)(?<!with-)sidebar(?!-?(?:layout|content|wrap|container|page))|"
    r"side-bar|footer|related|recommend|newsletter|subscri|promo|"
    r"widget-area|outbrain|taboola|popular|trending|most-read|mostread|breadcrumb|cookie|consent|"
    r"disqus|share|social|sharing|banner|advert|sponsor|navigation|navbar|masthead|"
    r"read-?more|more-stories|more-from|next-?article|prev-?article|author-?bio|about-?the-?author"
)
# Comment threads (WordPress #comments / .commentlist, Disqus): excluded even when the thread
# is longer than the story, which the wrapper rule would otherwise keep.
COMMENTS = re.compile(
    r"(?:^|\s)(?:comments?|commentlist|comment-list|comments-area|"
    r"comments-wrapper|comment-respond|disqus_thread)(?:\s|$)"
)
# The same, as whole parts only: too short to match as substrings.
EXCLUDED_PARTS = frozenset(
    ["nav", "menu", "ads", "ad", "rail", "footer", "header", "modal", "popup", "dialog"]
)

# Inside the container: whatever matches is removed with its content (share bars, Related and
# Read-more inserts, newsletter and donation boxes, captions, bylines and datelines, tags,
# comment teasers, "Republish this story" boxes, ads, print/email tools, screen-reader text).
BOILERPLATE = re.compile(
    r"comment(?!ar)|sidebar|related|recommend|newsletter|subscri|signup|sign-up|promo|"
    r"widget-area|outbrain|taboola|popular|trending|most-read|mostread|breadcrumb|cookie|consent|"
    r"disqus|share|social|sharing|advert|sponsor|navigation|navbar|donat|membership|"
    r"paywall|republish|byline|dateline|caption|cutline|credit|author|pubdate|published|timestamp|"
    r"read-?more|readmore|more-stories|more-from|see-also|also-read|next-?article|"
    r"prev-?article|toolbar|tools|print|email|follow|tags|keywords|screen-reader|sr-only|"
    r"visually-hidden|visuallyhidden|skip-link|table-of-contents|toc-|"
    r"cta|inline-?ad|ad-?slot|ad-?container|ad-?wrapper|adunit|dfp|gpt-|"
    r"rating|reaction|feedback|was-this|audio-player|listen|podcast-player|video-player|"
    r"playlist|carousel|slider|gallery-nav|pagination|pager|teaser|card-list|"
    r"article-meta|post-meta|entry-meta|meta-data|metadata|article-info|post-info|"
    r"article-footer|post-footer|entry-footer|disclaimer|copyright|"
    # Paywall breakers ("restricted-content"), inserts placed after the post by plugins
    # ("after-content"), author boxes of the Simple Author Box plugin.
    r"restricted-content|after-?content|sabox|"
    # QR codes to share the page, "next page/story" links, and "found a typo? report it"
    # boxes ("article__report", "error-report"), common on continental and Asian sites.
    r"qr-?code|next-?page|__report|(?:error|typo|mistake)-?report|report-?(?:an?-)?(?:error|typo|mistake)"
)
# Class words that mark a paragraph, heading or list item as text for paying readers (Condé
# Nast's <p class="paywall">): the story's own text, though "paywall" on a box is its prompt.
GATED_WORD = re.compile(r"paywall|paywalled|premium|premium-content|locked|metered|gated")
# Elements that hold one block of the story's text, not a box of others.
TEXT_BLOCK_TAGS = frozenset(["p", "li", "blockquote", "h2", "h3", "h4", "h5", "h6"])
BOILERPLATE_PARTS = frozenset(
    [
        "ad",
        "ads",
        "nav",
        "menu",
        "meta",
        "date",
        "time",
        "footer",
        "header",
        "aside",
        "rail",
        "badge",
        "kicker",
        "eyebrow",
        "overline",
        "icon",
        "button",
        "btn",
        "modal",
        "popup",
        "dialog",
        "banner",
        "masthead",
        "logo",
    ]
)
# Part words that on a section heading (h2-h6) name the heading itself, not the page's header:
# anchored headings of newsletter platforms ("header-anchor-post"), page-builder module titles
# ("et_pb_module_header"), "article-text--header".
HEADING_PARTS = frozenset(["header"])
SECTION_HEADINGS = frozenset(["h2", "h3", "h4", "h5", "h6"])
# A heading's id made of the words of its text is an anchor (a slug: "h-what-is-social-shopping",
# "8-time-management"), not the name of a widget: its words ("social", "time") are not read. A
# slug of SLUG_MIN_PARTS words or more may hold one other word, or up to SLUG_STRANGER_SHARE of
# its words ("h-" prefixes, counters, "nbsp", "youre" for "you're").
SLUG_MIN_PARTS = 3
SLUG_STRANGER_SHARE = 0.25
# Classes that show or hide an element by screen size ("hidden-xs", "d-md-none",
# "show-for-small", "mobile-only", Framer's "ssr-variant"): pages render the same content once
# per layout, so a copy of its previous sibling under such a class is left out.
RESPONSIVE = re.compile(
    r"hidden-|visible-|d-none|d-(?:sm|md|lg|xl)-|show-for-|hide-for-|mobile|desktop|"
    r"tablet|variant"
)
# ... when the copy holds at least this many characters.
MIN_COPY_CHARS = 100
# Hover cards, tooltips, popovers and rollovers (a glossary term's definition, a politician's
# card with links to their stories): their text sits inside the sentence they annotate but is
# not part of it.
POPUP = re.compile(r"(?<!with-)(?<!has-)tooltip(?!s)|popover|hover-?card|rollover")
# Words in a class that mean "this is the text", which win over the boilerplate words above
# ("article-body-share" loses; "post-content" with "hidden-print" stays).
KEEP_CLASS = re.compile(r"article-?body|articlebody|story-?body|entry-content|post-content")
# A boilerplate-classed element holding more than this share of the container's text is kept:
# a wrapper named after a widget that in fact wraps the story.
MAX_REMOVED_SHARE = 0.4
# ... and so is one holding at least this many characters of paragraphs that are not links
# (CMS field wrappers named "field--label-hidden" or "share-enabled" around real text).
PROSE_KEEP_CHARS = 400
# ... except regions named for what is never the story, however much prose they hold: author
# bios ("author-box", "saboxplugin", "about-the-author"), related and recommended excerpts,
# newsletter, subscription and promotion boxes, disclaimers.
NEVER_STORY = re.compile(
    r"author|sabox|related|recommend|newsletter|subscri|promo|sponsor|signup|sign-up|"
    r"disclaimer|more-from|more-stories|read-?more|also-read|see-also"
)

# An author box written without a class that says so: the small block around a link to an
# author's page ("/author/jane-doe/", "/authors/", "/contributors/") that also holds a sentence
# about that person ("Jane Doe is a freelance writer ...", "Jane has written for ..."). The
# block is looked for at most AUTHOR_BOX_LEVELS up from the link, in at most
# MAX_AUTHOR_BOX_CHARS characters; the largest such block goes.
AUTHOR_PAGE = re.compile(
    r"/(?:authors?|writers?|contributors?|columnists?|people|staff|profiles?)/[^/?#\s]", re.I
)
AUTHOR_BOX_LEVELS = 6
MAX_AUTHOR_BOX_CHARS = 1000
# ... and it closes the story: at most this many characters follow it in the container (a
# paragraph of the story that names a reviewer linked to their page is not a box).
MAX_AFTER_AUTHOR_BOX_CHARS = 500
# ... what follows the person's name in such a sentence (a few words may come between:
# "Ludovic (Ludo) Fourrage is", "Angela Holliday-Bell, MD is").
BIO_VERB = re.compile(
    r"\b[^.!?]{0,60}?\b(?:is|was|has|had|writes|wrote|covers|joined|worked|works|lives|holds|"
    r"specializes|specialises|spent|brings)\b"
)

# A sign-up box: the blocks around a form's e-mail field, at most SIGNUP_BOX_LEVELS up, while
# they hold at most MAX_SIGNUP_BOX_CHARS characters besides the form (a pitch, a consent line:
# "By signing up, you agree to receive ...").
SIGNUP_BOX_LEVELS = 5
MAX_SIGNUP_BOX_CHARS = 400
# Elements that are the page or its story, never a box inside it.
PAGE_TAGS = frozenset(["body", "html", "article", "main"])

# Tags removed with their content wherever they are inside the container.
DROP_TAGS = frozenset(
    [
        "script",
        "style",
        "noscript",
        "template",
        "textarea",
        "select",
        "option",
        "button",
        "input",
        "form",
        "nav",
        "aside",
        "footer",
        "header",
        "svg",
        "canvas",
        "map",
        "object",
        "embed",
        "audio",
        "video",
        "source",
        "track",
        "dialog",
        "menu",
        "iframe",
        "img",
        "picture",
        "figure",
        "figcaption",
        "link",
        "meta",
        "title",
        "head",
    ]
)
# Dropped tags that sometimes wrap the story itself (a <header> or <form> around the whole
# post): kept when they hold more than MAX_REMOVED_SHARE of the container's text.
STRUCTURAL_TAGS = frozenset(
    ["header", "footer", "aside", "nav", "form", "section", "menu", "dialog"]
)
# Dropped tags that inside the story box a note of its own ("A note on other devices", a
# background box): kept when they hold paragraphs of prose (PROSE_KEEP_CHARS) under a class
# not named for what is never the story (NEVER_STORY).
PROSE_BOX_TAGS = frozenset(["aside"])
# A <header> inside the story whose text is at least this share h2-h6 headings (none of them a
# link alone) wraps one of its section headings, and stays.
SECTION_HEADER_SHARE = 0.8
# Tags whose content reads as one block of text.
BLOCK_TAGS = frozenset(
    [
        "p",
        "div",
        "section",
        "article",
        "main",
        "li",
        "ul",
        "ol",
        "dl",
        "dt",
        "dd",
        "blockquote",
        "pre",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "table",
        "thead",
        "tbody",
        "tfoot",
        "tr",
        "td",
        "th",
        "caption",
        "center",
        "address",
        "hr",
        "details",
        "summary",
        "body",
        "html",
        "hgroup",
        "fieldset",
        "legend",
    ]
)
# Inline tags kept in body_html (links keep their href; nothing else keeps attributes).
KEPT_INLINE = frozenset(["a", "em", "strong", "i", "b", "br"])
# Inline-style values that hide an element.
HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden")
# Hidden content the page shows on demand, which is the story's: collapsed accordion panels and
# FAQ answers (matched in any attribute but the style: "collapsible-section-text",
# "accordion-body", id "faq-content-2") and ARIA regions and tab panels ...
COLLAPSED = re.compile(r"collaps|accordion|faq")
REVEALED_ROLES = frozenset(["region", "tabpanel"])
# ... and the segments React streams into a page hidden (``<div hidden id="S:2">``), which its
# script moves into place.
STREAMED_SEGMENT = re.compile(r"S:[0-9a-f]+")

# ---------------------------------------------------------------------------------------------
# Boilerplate: paragraph text
# ---------------------------------------------------------------------------------------------

# A short block starting with one of these is an insert, not the story: "Related: ...",
# "READ MORE: ...", "Sign up for our newsletter", "Advertisement", "Share this article".
INSERT_TEXT = re.compile(
    r"^(?:related(?: stories| articles| coverage| content| reading| links)?\s*[:|\-–—]|"
    r"read (?:more|also|next)\b|also read\b|see also\b|more (?:on|from) |recommended\s*[:|]|"
    r"you (?:may|might) (?:also )?(?:like|enjoy|be interested)|"
    r"(?:click|tap) here to (?:subscribe|sign up|read|download)|"
    r"sign up (?:for|to)\b|subscribe (?:to|for|now)\b|(?:support|donate)\b.{0,60}journalism|"
    r"advertisement$|story continues below|share (?:this|on|it)\b|follow (?:us|me)\b|"
    # Social and sign-up prompts: "Stay connected", "Join our mailing list", "Add a comment".
    r"stay connected\b|connect with (?:me|us)\b|like what you see\b|add a comment\b|"
    r"join (?:our|the|my) (?:mailing list|email list|newsletter|facebook group|community)\b|"
    # Shop buttons written as text ("Buy now from one of our partners:", "Start your free
    # trial", "Get the FREE eBook!", "Limited time").
    r"buy now\b|start your free trial\b|get the free\b|limited time$|"
    # Prompts to comment ("Tell us what YOU think...", "What do you think?", "Join our Space
    # Forums") and CMS shortcodes left unrendered ("[CTA_MODULE]", "[button link=...]").
    r"tell us what you think\b|what do you think\?|join our \w+ forums?\b|"
    r"\[(?:[a-z]+_[a-z_]+|[a-z-]+\s+[a-z_-]+\s*=)|"
    r"(?:this|the) (?:article|story) (?:is|was) (?:republished|reproduced)\b|"
    r"republish this\b|image:|photo:|credit:|getty images$|"
    r"listen to (?:this|the) (?:article|story)|watch:|\[?\s*embedded content\s*\]?$|"
    # Pinterest prompts ("Pin this for later!", "PIN IT HERE") and post navigation ("Next
    # article: ...", "Previous post: ...").
    r"pin (?:this|it)\b|pin for later\b|(?:next|previous) (?:article|post|story)\s*:|"
    # "Read also" and "related" inserts of continental and Asian news ("Lesen Sie auch:",
    # "À lire aussi", "Leia também", "Читайте также", "阅读下一篇：", "関連記事").
    r"(?:lesen sie (?:auch|mehr)|mehr zum thema|(?:à )?lire aussi|voir aussi|lee también|"
    r"leer más|leia também|leia mais|leggi anche|lees ook|läs också|les også|læs også|"
    r"czytaj (?:też|także|również)|читайте также|阅读下一篇|相关阅读|延伸阅读|相关新闻|"
    r"関連記事|あわせて読みたい|관련기사)\b)",
    re.IGNORECASE,
)
# A block that is nothing but a button's label, in the languages of the news the parser reads:
# "Share", "Teilen", "Partager", "Compartir", "分享", "Print", "Drucken".
MAX_UI_LABEL_CHARS = 16
UI_LABEL = re.compile(
    r"(?:share|teilen|partager|compartir|compartilhar|condividi|delen|dela|del|del dette|"
    r"udostępnij|поделиться|paylaş|分享|シェア|공유|مشاركة|"
    r"print|drucken|imprimer|imprimir|stampa|afdrukken|skriv ut|drukuj|печать|打印|印刷|"
    r"e-?mail|mail|tweet|pin|save|speichern|enregistrer|guardar|salva|opslaan)[\s:.!]*",
    re.IGNORECASE,
)
# A request to sign up ("Sign up now", "subscribe to", "join our"), not a writer's own
# subscriptions ("the newsletters I subscribe to").
_ASK = (
    r"(?<!\bI )(?<!\bwe )\b(?:sign[ -]?up|subscribe)\s+(?:now|today|here|below|for|to)\b|"
    r"\bjoin our\b"
)
# A newsletter pitch written as a short paragraph, anywhere in it ("Want more from NBC
# Select? Sign up for our newsletter", "Get the latest updates right in your inbox. Subscribe
# to NJ.com's newsletters."): at most MAX_PITCH_CHARS long. (blocks._pitch looks for "sign",
# "subscribe" or "join our" first: every match holds one.)
SIGNUP_PITCH = re.compile(
    rf"(?:{_ASK}).{{0,80}}\b(?:newsletters?|inbox|e-?mail list|mailing list)\b|"
    rf"\b(?:newsletters?|inbox)\b.{{0,80}}(?:{_ASK})",
    re.IGNORECASE,
)
MAX_PITCH_CHARS = 200
# Template placeholder text left in a page (sections a stylesheet hides) and the "Loading ..."
# line a script replaces (a hidden tab's specifications): never the story.
PLACEHOLDER_TEXT = re.compile(r"lorem ipsum\b|loading\b[^.…]{0,60}(?:…|\.\.\.)$", re.IGNORECASE)
# A heading (or a short line) that opens what follows the story: author boxes, related and
# recommended lists, tags, comment forms, disclaimers. From the first one in the body's second
# half to the end, the body is cut. "References", "Sources" and "Notes" are not here: they are
# often part of the story.
TRAILER_HEADING = re.compile(
    r"(?:about (?:the )?(?:authors?|reviewers?|writers?|contributors?)|"
    r"related(?: blog| news)?(?: articles| posts| stories| content| reading| news| links|"
    r" coverage| guides| reads)?(?: (?:that|which) (?:may|might) interest you)?|"
    r"(?:what )?others are reading|other (?:posts|articles|stories)(?: you (?:may|might) "
    r"(?:also )?(?:like|enjoy))?|(?:good |more )?articles to read(?: together| next)?|"
    r"recommended(?: for you| reading| articles| posts| stories)?|"
    r"you (?:may|might) (?:also )?(?:like|enjoy)|more (?:on|from|articles|stories|news)\b.{0,60}|"
    r"(?:latest|recent) (?:news|posts|articles|stories)|popular (?:posts|articles|stories)|"
    r"most (?:read|popular)|trending(?: now)?|keep reading|read next|further reading|up next|"
    r"you(?:'|’)ll (?:also )?(?:love|like|enjoy)\W*|(?:latest|recent|more) posts by .{1,60}|"
    r"more to explore\w*|"
    # Closing prompts and link sections: "Still have questions?", "Need more help?", "Share
    # with a friend or colleague", "Contact info", "More resources...", "More helpful articles
    # by ...".
    r"still have (?:any )?questions\?|need more help\?|(?:media )?contacts? info(?:rmation)?|"
    r"media contacts?|share (?:this |it )?with (?:a friend|friends|your (?:friends|network|"
    r"colleagues))(?: or (?:a )?colleagues?)?|"
    r"more (?:helpful )?(?:resources|articles|posts)(?: (?:by|from) .{1,60}|\.\.\.|…)?|"
    # A byline or author label after the story opens its author box ("Written by Jane Doe",
    # "Posted by Jane at December 16, 2025", "Reviewed by,", "Contributor").
    r"(?:written|posted|reviewed) by.{1,60}|author|contributors?|"
    r"tags|topics|filed under|comments?|leave a (?:comment|reply)|post a comment|"
    r"disclaimer|contact us|share this(?: article| post| story)?)\s*[:.!]?",
    re.IGNORECASE,
)
MAX_TRAILER_HEADING_CHARS = 80
# ... and a label line with its values after the story ("Tags: Employment, Health & Fitness",
# "Filed under: Politics |", "Labels: lean startup"), up to MAX_TRAILER_LABEL_CHARS.
TRAILER_LABEL = re.compile(
    r"(?:tags|tagged(?: with| as| in)?|topics|filed under|categories|posted in|labels)\s*:.*",
    re.IGNORECASE,
)
MAX_TRAILER_LABEL_CHARS = 200
# A word in the text around an inline element: the element sits inside a sentence.
WORD = re.compile(r"\w\w")
# Lines above the title inside the container adding up to at most this many characters are
# its kicker, breadcrumb or section label, not the story.
MAX_KICKER_CHARS = 120
# The body's head, read for the metadata lines pages print above the story (bylines, dates,
# reading times, disclosures): at most this many characters, and fewer than
# MAX_HEAD_PARAGRAPHS blocks longer than MIN_STORY_PARAGRAPH_CHARS (a standfirst may come first).
MAX_HEAD_CHARS = 600
MAX_HEAD_PARAGRAPHS = 2
# ... and no more than this many blocks (the head is a handful of lines).
MAX_HEAD_BLOCKS = 12
# A head line longer than this is the story, whatever it starts with.
MAX_META_LINE_CHARS = 160
# A calendar date as pages print it: "Dec 19, 2025", "15 Dec, 2025", "Friday, November 14,
# 2025", "September 16th, 2023 at 09:27 am", "12.12.2025", "09/10/2025", "2025-12-19".
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DATE = (
    r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?"
    rf"(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+\d{{4}}|"
    r"\d{1,2}[./]\d{1,2}[./]\d{2,4}|\d{4}-\d{2}-\d{2})"
    r"(?:,?\s+(?:at\s+)?\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?(?:\s+[a-z]{2,4}\b)?)?"
)
# What a metadata line is made of besides names: dates, reading times, comment counts, the
# words around them ("By", "Updated on", "Written by:", "Contributions from") and separators.
_META_WORD_PARTS = (
    r"\b(?:medically|expertly|expert|originally|last|written|posted|edited|reviewed|"
    r"fact[- ]?checked|updated|modified|published|photos?|words|authors?|contributions?|"
    r"contributors?|from|on|at)\b|\bby|[|•⋅·—–,:.()-]"
)
META_PARTS = re.compile(
    rf"{_DATE}|\d+\s*min(?:ute)?s?\.?\s*read|\d+\s+comments?\b|" + _META_WORD_PARTS,
    re.IGNORECASE,
)
# META_PARTS for a text without a digit, where none of the parts that need one can match: the
# same result, without trying the date (slow: a dozen month names) at every position.
META_WORD_PARTS = re.compile(_META_WORD_PARTS, re.IGNORECASE)
# ... and what may remain: capitalised words, a byline's names and roles ("Genaveve
# Bradshaw", "Senior Review Analyst", "Jillian Kubala MS RD").
META_NAMES = re.compile(
    r"\s*(?:(?:[A-Z][\w'’&]*|&)(?:\s+(?:[A-Z][\w'’&]*|and|&|de|da|di|van|von|der|la|le|of)){0,11})?\s*"
)
# A metadata line above the story, as a whole: what META_PARTS leaves of it is META_NAMES,
# and it holds one of META_ANCHOR_WORDS or a date ("By Jane Doe | Updated on March 4, 2025",
# "5 min read", "Posted on Dec 18, 2025 by John Smith"); or a bare label whose value sits in
# the next block ("Posted On", "Written By:", "Table of Contents").
META_LABEL = re.compile(
    r"(?:by|author|written by|posted by|posted on|posted in|published|published on|"
    r"last updated|updated|updated on|edited by|reviewed by|fact[- ]?checked by|"
    r"table of contents|contents|in this (?:article|post|guide)|on this page|show caption)\s*:?",
    re.IGNORECASE,
)
META_ANCHOR_WORDS = re.compile(
    r"\bby|\bauthors?\b|\bcontribut|\bupdated\b|\bpublished\b|\bposted\b|\bmin(?:ute)?s?\.?\s*read\b|"
    r"\bcomments?\b",
    re.IGNORECASE,
)
# ... or a date (a pattern slow to try at every position: read only in a text with a digit,
# which every date holds).
META_DATE = re.compile(_DATE, re.IGNORECASE)
# An affiliate or sponsorship disclosure printed above the story ("We may earn a commission
# from links on this page", "This post contains affiliate links").
DISCLOSURE = re.compile(
    r"\b(?:earns?|receives?|get)\s+(?:us\s+)?(?:a\s+)?(?:small\s+)?"
    r"(?:commission|compensation|kick ?back)|\baffiliate links?\b|\bpaid promotion\b",
    re.IGNORECASE,
)
MAX_DISCLOSURE_CHARS = 320
# Blocks longer than this are prose even when they start like an insert.
MAX_INSERT_CHARS = 220
# A block whose text is almost all link text and short is a "Related" headline or teaser.
LINK_BLOCK_DENSITY = 0.85
MAX_LINK_BLOCK_CHARS = 160
# A block with a link that ends in an ellipsis or "Read more" and is at most this long is a
# teaser for another story ...
MAX_TEASER_CHARS = 400
# ... when the link to the other page opens the block (its headline) or closes it ("Read
# more", a linked excerpt); a paragraph ending in an ellipsis with a link inside one of its
# sentences is the story's own. Read on the block's HTML, where links within the page (href
# "#...") are written as plain text.
TEASER_LINK_EDGE = re.compile(r"^\s*(?:<\w+>\s*)*<a |</a>(?:</\w+>|[^\w<])*$")
# A list whose items are nearly all links is a link farm (related stories, tags, nav).
LINK_LIST_DENSITY = 0.8
# ... unless the paragraph or heading just before it introduces it with a colon ("Here's a
# selection:", "Buying options:", "Top picks:") and most of its links go to other sites: the
# story's own list of courses, products or sources, written as links ...
LIST_INTRO = re.compile(r":\s*$")
# ... and the introduction does not announce reading elsewhere ("Suggested reading:", "Also
# read:", "More on the merger:") and is no insert of INSERT_TEXT's.
READING_INTRO = re.compile(
    r"(?:suggested|further|recommended|related|more|additional|popular|latest)\s+"
    r"(?:reading|articles|posts|stories|news|links|guides)|also (?:read|like|enjoy)|"
    r"\bmore (?:on|from|about)\b|\bread (?:more|next|also)\b",
    re.IGNORECASE,
)
# What introduces a list: a paragraph or a heading.
LIST_INTRO_TAGS = frozenset(["p", "h2", "h3", "h4", "h5", "h6", "strong", "b"])
# Divs wrapping a single block (a paragraph, a list) looked through, at most this many deep,
# to find the introduction of a list: generated pages wrap every block in one.
BLOCK_WRAPPER_DEPTH = 2
# A list introduction is one line: at most this many characters.
MAX_LIST_INTRO_CHARS = 300

# ---------------------------------------------------------------------------------------------
# Images and embeds
# ---------------------------------------------------------------------------------------------

# The lead image outside the container is looked for in the <article> around it or the
# nearest ancestor holding the h1, at most this many levels up.
LEAD_SCOPE_LEVELS = 4
# A paragraph longer than this starts the story: images after it are the body's own.
MIN_STORY_PARAGRAPH_CHARS = 150
# ... and so has it after this many characters of shorter paragraphs (a transcript's lines).
MAX_LEAD_SEARCH_CHARS = 600
# Images declared smaller than this are icons, avatars and spacers, never the lead image.
MIN_LEAD_IMAGE_PX = 150
# Words in an image's class, source or alt, or in a region around it, that say it is not the
# story's picture: thumbnails of other stories, logos, author photos, ads, share icons.
NOT_LEAD_IMAGE = re.compile(
    r"related|recommend|sidebar|promo|teaser|thumb|logo|avatar|author|byline|headshot|profile|"
    r"gravatar|icon|sponsor|advert|share|social|newsletter|(?:^|[^a-z])ads?(?:[^a-z]|$)"
)
# Where lazy-loading scripts keep an image's real address, in order of preference.
IMAGE_SRC_ATTRS = (
    "data-src", "data-lazy-src", "data-litespeed-src", "data-original", "data-url", "src"
)  # fmt: skip
# ... and an embedded frame's (LiteSpeed and WP Rocket leave "about:blank" in src).
FRAME_SRC_ATTRS = ("data-src", "data-lazy-src", "data-litespeed-src", "data-rocket-src", "src")
# Placeholder sources that are not the image: data URIs, 1x1 and spacer images, the spinners
# and greys of lazy loaders ("preload.gif", "lazy.png", "loading.svg").
PLACEHOLDER_SRC = re.compile(
    r"^data:|^about:|placeholder|(?<![0-9a-z])1x1(?![0-9a-z])|"
    r"(?:^|/)(?:blank|spacer|pixel|preload|loading|lazy|transparent|empty|grey|gray|clear)"
    r"\.(?:gif|png|svg|jpe?g)(?:$|[?#])",
    re.I,
)
# Class words of an image's caption ("cutline" is the newsroom word for it).
CAPTION_CLASS = re.compile(r"caption|cutline|legend", re.I)
# A bare image's caption is looked for this many levels up, in blocks of at most this many
# characters (a figure written without the tag: an image and a "cutline" in one div).
CAPTION_LEVELS = 2
MAX_CAPTION_CHARS = 400
# A photo credit written at the end of a caption: "... - Herald photo by Dana Pruitt",
# "(Photo: AP)", "Credit: Getty Images".
CREDIT_TEXT = re.compile(
    r"(?:(?<=[.!?])\s+|\s+[-–—|]\s*|\s*\(\s*|^)"
    r"(?P<credit>(?:[\w.&'’]+\s+){0,3}(?:photo|photograph|image|picture|illustration)s?"
    r"\s+(?:by|courtesy of)\s+(?-i:[A-Z])[^()]{1,80}?|"
    r"(?:photo|image|credit|courtesy|source)s?\s*:\s*[^()]{2,80}?)\)?\s*$",
    re.I,
)
# Elements inside a caption that carry the photo credit.
CREDIT_CLASS = re.compile(r"credit|copyright|source|attribution|photographer", re.I)
# Video and audio hosts, for the kind of an iframe embed.
VIDEO_HOSTS = re.compile(
    r"youtube\.com|youtube-nocookie\.com|youtu\.be|vimeo\.com|dailymotion\.com|"
    r"jwplayer|brightcove|vidyard|wistia|ted\.com/talks|twitch\.tv",
    re.I,
)
AUDIO_HOSTS = re.compile(
    r"soundcloud\.com|spotify\.com|podcasts\.apple|anchor\.fm|megaphone|simplecast|buzzsprout",
    re.I,
)
# Embedded social posts kept as a blockquote (their class on the blockquote -> embed kind).
SOCIAL_BLOCKQUOTES = {
    "twitter-tweet": "tweet",
    "twitter-video": "tweet",
    "instagram-media": "instagram",
    "tiktok-embed": "tiktok",
}
# Status links in an embedded tweet.
TWEET_URL = re.compile(r"https?://(?:www\.|mobile\.)?(?:twitter|x)\.com/[^/]+/status(?:es)?/\d+")

# ---------------------------------------------------------------------------------------------
# A page that lists stories (section front, tag page, author archive, search results)
# ---------------------------------------------------------------------------------------------

# Headings that title a teaser card; the page's own h1 is its title, not a card's.
CARD_HEADINGS = ("h2", "h3", "h4", "h5", "h6")
# A headline outside a heading (a lone link in a title-classed block, a list item, a bold
# line) links at least this much text: shorter is a menu item or a tag.
CARD_LINK_MIN_CHARS = 20
# ... and its block holds at most this much text besides it (a date, a "New" label).
CARD_LINK_SLACK = 30
# Headings that close a bare headline's card: the next section's label ("Most Recent").
CARD_CLOSING_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
# A heading is a card's headline when a link holds at least this share of its text.
HEADLINE_LINK_SHARE = 0.8
# Fewer cards than this is a related-stories box or a short reading list, not a listing.
LISTING_MIN_CARDS = 4
# The cards hold at least this share of the container's text: little prose of the page's own.
LISTING_CARD_SHARE = 0.8
# ... or this share when the page is made as a listing (its <body> class, its address or its
# JSON-LD say so: support, never the sole signal, since a few story pages carry "blog" or
# "home" or a canonical link to the homepage).
LISTING_CARD_SHARE_MADE = 0.6
# <body> class tokens of listing pages (WordPress archive, category, tag, search, author,
# date and posts-index templates).
LISTING_BODY_CLASSES = frozenset(
    ["archive", "category", "tag", "search", "search-results", "home", "blog", "author", "date"]
)
# JSON-LD types of a page that lists other pages (with no article beside them): a section
# front, a search's results, a homepage's list of stories.
LISTING_JSONLD_TYPES = frozenset(["collectionpage", "itemlist", "searchresultspage"])
# A card's own text besides its headline (dek, byline, date) is at most this long in the
# median card; a product guide's or a newsletter's items carry paragraphs.
LISTING_MAX_DEK_CHARS = 280
# Among short cards, a "card" with more text than this besides its link is a story that
# holds a lone link ("See our guidelines"), not a card: left out of the cards' share.
LISTING_STORY_DEK_CHARS = 1000
# ... unless the cards are excerpts: at least this share of them end in a "Continue reading"
# link to their own headline's page, on a page made as a listing (a blog's front page of
# whole excerpts). A newsletter's items with such links sit on a story page.
LISTING_EXCERPT_SHARE = 0.5
# The path of a listing: the site's root, a numbered page of it, or a tag, topic, section,
# author, search or archive page a segment or two deep (not a story filed under a section).
LISTING_PATH = re.compile(
    r"^(?:/(?:tags?|topics?|category|categories|sections?|authors?|search|archives?)"
    r"(?:/[^/]+){0,2})?(?:/page/\d+)?$",
    re.I,
)
# A container with less text than this (a newsletter box on a front of bare headlines) is
# judged with the whole page around it.
LISTING_SMALL_CONTAINER = 500
# A paragraph outside the cards with at least this much unlinked text is the page's own prose.
PROSE_PARAGRAPH_CHARS = 80
# This much of the page's own prose outside the cards is a story (a rail of "More stories"
# after it is not what the page is); a front's intro or newsletter box is shorter.
LISTING_MAX_OWN_PROSE = 500
# A headline numbered as an item of a ranked list ("1. ", "#2 ", "10) "): fronts never number
# their stories, a listicle of the site's own pieces does.
RANKED_HEADLINE = re.compile(r"\s*#?\d{1,3}\s*[.):]\s")
# ... when at least this share of the headlines are so numbered (a front's "Most read" box is
# a small part of it).
RANKED_SHARE = 0.5
# At least this share of the cards' headlines link to the page's own site (its host's last
# two labels: a homepage links to its news. and sport. hosts): a roundup of links to other
# sites is a story about them.
LISTING_SITE_SHARE = 0.75

# ---------------------------------------------------------------------------------------------
# A page that says it is not there (a "soft 404": an error page served with status 200)
# ---------------------------------------------------------------------------------------------

# A body longer than this is a story, whatever it says about missing pages.
ERROR_PAGE_MAX_CHARS = 700
# The body says the page asked for is missing ("The page you were looking for may have been
# moved", "This page doesn't exist", "Oops! That page can't be found", "Seite nicht
# gefunden", "Page introuvable", "Página no encontrada").
ERROR_PAGE_TEXT = re.compile(
    r"\bpage (?:you (?:were|are|'re|’re) looking for|you requested)\b"
    r"|\b(?:this|that|the) page (?:can(?:no|'|’)t|could ?n(?:o|'|’)t) be found\b"
    r"|\b(?:can(?:no|'|’)t|could ?n(?:o|'|’)t) find (?:this|that|the) page\b"
    r"|\bpage (?:not found|does ?n(?:o|'|’)t exist|no longer exists)\b"
    r"|\bseite (?:wurde )?nicht gefunden\b|\bpage (?:non trouvée|introuvable)\b"
    r"|\bp[áa]gina no encontrada\b|\bpagina non trovata\b|\bp[áa]gina não encontrada\b"
    r"|\bpagina niet gevonden\b"
    r"|\bnothing was found at this (?:location|address)\b",
    re.I,
)
# The page's title is an error's: "404", "404 | Site", "Error 404", "Page not found", "Not
# found", and "Page not found" in German, French, Spanish, Italian, Portuguese and Dutch
# (not "404 Day: ...", nor a headline "Not found guilty: ...").
ERROR_PAGE_TITLE = re.compile(
    r"\s*(?:(?:error\s*)?404(?:\s*$|\s*[-|:–—]|\s+(?:error|not found|page))"
    r"|page not found\b|not found\s*(?:$|[-|:–—])|seite nicht gefunden\b"
    r"|page (?:non trouvée|introuvable)\b|p[áa]gina no encontrada\b|pagina non trovata\b"
    r"|p[áa]gina não encontrada\b|pagina niet gevonden\b)",
    re.I,
)
