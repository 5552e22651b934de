"""Saved web pages: the article's text, headline and day of publication out of the page's HTML."""


from qualitytui.core.files import discover
from qualitytui.core.html_text import html_to_text, looks_like_html
from qualitytui.core.ingest import read_document

PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>青岛发布质量提升方案_青岛市人民政府</title>
<meta name="PubDate" content="2025-03-18 10:20"><script>var x = "<p>脚本</p>";</script><style>p { color: red }</style></head>
<body><div class="crumbs"><a href="/">首页</a> &gt; <a>新闻中心</a></div><nav><ul><li>菜单一</li></ul></nav>
<h1>青岛发布质量提升<br>行动方案</h1><div class="info">来源：青岛日报</div>
<p>昨日，<a href="x">青岛市市场监督管理局</a>发布《行动方案》。&nbsp;方案提出，到2025年底，全市质量竞争型产业占比达到55%以上。</p>
<h2>一、主要目标</h2><ul><li>培育省长质量奖企业3家</li><li>新增“青岛优品”200个</li></ul>
<p>第一行<br>第二行。<br><br>另一段。</p><aside>相关阅读</aside><footer>版权所有 青岛市人民政府</footer></body></html>"""


def test_a_page_reads_as_its_article():
    text = html_to_text(PAGE)
    assert text.split("\n\n") == [
        "# 青岛发布质量提升行动方案",  # the first <h1>, on one line; what stands before it is the site's
        "发布时间：2025-03-18",  # the day from the page's metadata, as a web page's published line
        "来源：青岛日报",
        "昨日，青岛市市场监督管理局发布《行动方案》。 方案提出，到2025年底，全市质量竞争型产业占比达到55%以上。",
        "## 一、主要目标",
        "- 培育省长质量奖企业3家",
        "- 新增“青岛优品”200个",
        "第一行\n第二行。",  # a <br> breaks the line, two of them the paragraph
        "另一段。\n",
    ]
    for left_out in ("脚本", "color", "首页", "菜单一", "相关阅读", "版权所有"):
        assert left_out not in text


GOV_PAGE = """<html><head><meta charset="utf-8"><title>青岛市质量提升行动启动_青岛市人民政府</title>
<meta name="PubDate" content="2025-03-06 10:20"></head><body>
<div class="top-menu"><a>首页</a> | <a>无障碍</a></div>
<div class="content-wrap"><div class="dqwz">当前位置：<a>首页</a> &gt; <a>政务动态</a></div>
<h1>青岛市质量提升行动启动</h1><div class="info">来源：青岛市市场监管局　发布时间：2025-03-06</div>
<p>3月5日，青岛市质量提升行动启动会召开。</p><ul><li>培育“青岛优品”100个</li></ul>
<div class="share-box">分享到：微信 微博</div>
<div class="related-news"><h3>相关链接</h3><ul><li><a>青岛市召开质量工作会议</a></li></ul></div></div>
<div id="footer_1"><p>主办：青岛市人民政府办公厅</p><p>鲁ICP备05001163号</p></div></body></html>"""


def test_a_pages_menus_share_buttons_related_links_and_footer_are_left_out_by_their_containers_names():
    assert html_to_text(GOV_PAGE).split("\n\n") == [
        "# 青岛市质量提升行动启动",
        "来源：青岛市市场监管局 发布时间：2025-03-06",  # (the metadata's day is not added again: the page prints it)
        "3月5日，青岛市质量提升行动启动会召开。",
        "- 培育“青岛优品”100个\n",  # a list in the article stays
    ]
    # what the page's metadata alone tells is added
    assert "发布时间：2025-03-06" in html_to_text(GOV_PAGE.replace("发布时间：2025-03-06", ""))


def test_a_list_of_links_under_its_label_is_left_out_where_no_container_names_it():
    page = ("<h1>题</h1><p>正文。</p><ul><li>要点一</li></ul><h3>相关阅读：</h3><ul><li><a>别的新闻一</a></li>"
            "<li><a>别的新闻二</a></li></ul><p>版权所有：某网站</p>")
    assert html_to_text(page).split("\n\n") == ["# 题", "正文。", "- 要点一", "版权所有：某网站\n"]


def test_an_article_inside_a_container_named_like_furniture_is_still_read():
    page = '<html><body><div class="banner"><h1>题目</h1><p>第一段正文，足够长的一句话。</p><p>第二段。</p></div></body></html>'
    text = html_to_text(page)
    assert "# 题目" in text and "第一段正文" in text and "第二段" in text
    page = '<div class="nav main-content"><h1>题目</h1><p>正文。</p></div>'  # named as the article's as well
    assert "正文。" in html_to_text(page)


def test_without_a_headline_the_pages_title_without_the_sites_name():
    assert html_to_text("<html><title>只有标题_某某网站</title><body><p>正文一句话。</p></body></html>") == \
        "# 只有标题\n\n正文一句话。\n"
    assert html_to_text("<p>正文。</p>") == "正文。\n"
    page = '<html><head><title>标题_网站</title></head><body><svg><title>图标</title></svg><p>正文。</p></body></html>'
    assert html_to_text(page) == "# 标题\n\n正文。\n"  # an icon's <title> is not the page's
    assert html_to_text("<title>青岛_崂山区入选试点_青岛新闻网</title><p>文。</p>").startswith("# 青岛_崂山区入选试点\n")


def test_the_day_of_publication_in_any_of_the_usual_meta_tags():
    for meta in ('<meta property="article:published_time" content="2025-03-18T10:20:00+08:00">',
                 '<meta name="publishdate" content="2025年3月18日">', '<meta itemprop="datePublished" content="2025/3/18">'):
        assert "发布时间：2025-03-18" in html_to_text(f"<html><head>{meta}</head><body><h1>题</h1><p>文。</p></body></html>")
    assert "发布时间" not in html_to_text('<html><head><meta name="keywords" content="2025-03-18"></head><p>文。</p></html>')


def test_saved_pages_are_found_read_in_their_encoding_and_dated(tmp_path):
    (tmp_path / "a.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "b.htm").write_bytes(PAGE.replace("utf-8", "gbk").encode("gbk"))
    (tmp_path / "c.txt").write_text(PAGE, encoding="utf-8")  # a page saved under another name
    found, _ = discover(tmp_path)
    assert [f.rel for f in found] == ["a.html", "b.htm", "c.txt"]
    docs = [read_document(f, f.rel)[1] for f in found]
    assert [d.title for d in docs] == ["青岛发布质量提升行动方案"] * 3
    assert all("text taken from a saved web page (HTML)" in d.warnings for d in docs)
    assert "decoded as gb18030" in docs[1].warnings
    assert [p.kind for p in docs[0].passages][:3] == ["title", "furniture", "furniture"]
    assert looks_like_html(PAGE) and not looks_like_html("青岛 <b>加粗</b>")


def test_a_page_is_dated_by_its_metadata_in_a_build(tmp_path):
    from qualitytui.core.corpus import Corpus
    from qualitytui.paths import Paths

    root = tmp_path / "pages"
    root.mkdir()
    (root / "a.html").write_text(PAGE, encoding="utf-8")
    corpus = Corpus.open(Paths.resolve(str(root), str(tmp_path / "d"), str(tmp_path / "c")))
    [doc] = corpus.documents()
    assert doc["date"]["value"] == "2025-03-18"
    assert {i["date_text"]: i["start"] for i in corpus.timeline()}["昨日"] == "2025-03-17"




def test_the_pages_own_address_becomes_its_url(tmp_path):
    body = "<h1>题</h1><p>正文一句话。</p>"
    pages = {
        "canonical.html": f'<html><head><link rel="canonical" href="https://a.cn/1.html"><meta property="og:url" '
                          f'content="https://a.cn/2.html"></head><body>{body}</body></html>',
        "og.html": f'<html><head><meta property="og:url" content="https://a.cn/2.html"></head><body>{body}</body></html>',
        "saved.html": f"<!-- saved from url=(0022)https://a.cn/3.html -->\n<html><body>{body}</body></html>",
        "none.html": f'<html><head><link rel="canonical" href="/relative.html"></head><body>{body}</body></html>',
        "copied.txt": "题\n\n原文链接：https://a.cn/4.html\n\n正文一句话。\n",
    }
    for name, text in pages.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    found, _ = discover(tmp_path)
    urls = {}
    for f in found:
        _, doc = read_document(f, f.rel)
        urls[f.rel] = doc.url
        assert [x.text for x in doc.passages if x.kind == "body"] == ["正文一句话。"]  # the address is no text
    assert urls == {"canonical.html": "https://a.cn/1.html", "og.html": "https://a.cn/2.html",
                    "saved.html": "https://a.cn/3.html", "none.html": None, "copied.txt": "https://a.cn/4.html"}
    assert read_document(found[0], "c")[1].to_dict()["url"] == "https://a.cn/1.html"


def test_a_pages_line_about_the_article_credits_its_author_or_outlet(tmp_path):
    (tmp_path / "gov.html").write_text(GOV_PAGE, encoding="utf-8")
    (tmp_path / "copied.txt").write_text("标题\n2024-03-05 10:20 来源：大众日报 作者：王伟\n正文一句话。\n", encoding="utf-8")
    (tmp_path / "credited.txt").write_text("标题\n\n记者 孙晶\n\n来源：大众日报\n\n正文一句话。\n", encoding="utf-8")
    found, _ = discover(tmp_path)
    bylines = {f.rel: read_document(f, f.rel)[1].byline for f in found}
    assert bylines == {"gov.html": "青岛市市场监管局", "copied.txt": "王伟",  # the author before the outlet
                       "credited.txt": "记者 孙晶"}  # a byline of its own comes first


def test_a_pages_last_short_sentence_is_text_not_a_photo_caption(tmp_path):
    # (in a print layout a short line set apart at the end is a caption; a page's last paragraph is text)
    (tmp_path / "会议.html").write_text("<html><body><h1>质量大会召开</h1><p>3月20日，全市质量大会召开，"
                                       "会议总结了去年的工作，部署了今年的任务。</p><p>会议取得圆满成功。</p></body></html>",
                                       encoding="utf-8")
    _, doc = read_document(discover(tmp_path)[0][0], "会议")
    assert [(p.kind, p.text) for p in doc.passages][-1] == ("body", "会议取得圆满成功。")


def test_a_news_leads_bracketed_byline_credits_the_article(tmp_path):
    (tmp_path / "lead.txt").write_text("青岛部署质量工作\n\n本报青岛12月3日讯（记者 王伟 通讯员 刘洋）昨日，全市质量大会召开。\n",
                                       encoding="utf-8")
    (tmp_path / "bare.txt").write_text("青岛部署质量工作\n\n（记者 孙晶）近日，全市质量大会召开。\n", encoding="utf-8")
    (tmp_path / "aside.txt").write_text("青岛部署质量工作\n\n（以下简称“大会”）全市质量大会召开。\n", encoding="utf-8")
    (tmp_path / "own.txt").write_text("标题\n\n记者 李华\n\n本报讯（记者 王伟）近日，全市质量大会召开。\n", encoding="utf-8")
    found, _ = discover(tmp_path)
    docs = {f.rel: read_document(f, f.rel)[1] for f in found}
    assert {rel: d.byline for rel, d in docs.items()} == {
        "lead.txt": "记者 王伟 通讯员 刘洋", "bare.txt": "记者 孙晶",
        "aside.txt": None,  # brackets that name no one
        "own.txt": "记者 李华"}  # a byline of its own comes first
    assert docs["lead.txt"].passages[1].text.startswith("本报青岛12月3日讯（记者")  # the lead is printed as it was
