using Lucene.Net.Analysis;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;
using Lucene.Net.Search.Highlight;
using Lucene.Net.Store;
using Lucene.Net.Util;
using LuceneTerm = Lucene.Net.Index.Term;

namespace CoproWeek.Hub.Search;

/// <summary>One search result: the item, and its title and summary as safe HTML with the matched words in <c>&lt;mark&gt;</c>.</summary>
public sealed record SearchHit(SearchDocument Item, string TitleHtml, string SummaryHtml);

/// <summary>A page of results and how many there are in all.</summary>
public sealed record SearchResults(IReadOnlyList<SearchHit> Hits, int Total, bool Ranked);

/// <summary>
/// The catalogue in a Lucene.Net in-memory index: English words stemmed ("workshops" finds "workshop"), Welsh words
/// (Welsh and bilingual listings) in their own fields, unstemmed; accents folded in both ("gwyl" finds "Gŵyl", "cafe"
/// finds "café", "gwëithdy" finds "gweithdy"). Every word asked for must match in some field, so a Welsh word finds a
/// Welsh listing from the English page and the other way round. Filters are exact terms; results are ranked by relevance
/// (title words count three times) or, without words, in date order. Built once per catalogue; searching is thread-safe.
/// </summary>
public sealed class TextIndex : IDisposable
{
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;
    private const string WelshTitle = "titleCy";
    private const string WelshText = "textCy";
    private static readonly string[] TextFields = ["title", "text", WelshTitle, WelshText];
    private static readonly Dictionary<string, float> Boosts = new() { ["title"] = 3f, ["text"] = 1f, [WelshTitle] = 3f, [WelshText] = 1f };

    private readonly RAMDirectory _directory = new();
    private readonly DirectoryReader _reader;
    private readonly IndexSearcher _searcher;
    private readonly Analyzer _analyzer = new PerFieldAnalyzerWrapper(new SiteAnalyzer(),
        new Dictionary<string, Analyzer> { [WelshTitle] = new WelshAnalyzer(), [WelshText] = new WelshAnalyzer() });

    public SearchCatalogue Catalogue { get; }

    public TextIndex(SearchCatalogue catalogue)
    {
        Catalogue = catalogue;
        using (var writer = new IndexWriter(_directory, new IndexWriterConfig(Version, _analyzer) { OpenMode = OpenMode.CREATE }))
        {
            for (var i = 0; i < catalogue.Items.Count; i++)
            {
                writer.AddDocument(ToDocument(i, catalogue.Items[i]));
            }
            writer.Commit();
        }
        _reader = DirectoryReader.Open(_directory);
        _searcher = new IndexSearcher(_reader);
    }

    public SearchResults Search(SearchQuery query)
    {
        if (!query.IncludesEvents && !query.IncludesStories)
        {
            // Events only, yet a kind of story asked for (or event filters with one): nothing can match.
            return new SearchResults([], 0, !string.IsNullOrWhiteSpace(query.Q));
        }
        var filters = new BooleanQuery();
        if (!query.IncludesEvents || !query.IncludesStories)
        {
            filters.Add(new TermQuery(new LuceneTerm("kind", query.IncludesEvents ? SearchDocument.EventKind : SearchDocument.StoryKind)), Occur.MUST);
        }
        AddTerm(filters, "region", query.Region);
        AddTerm(filters, "format", query.Format);
        AddTerm(filters, "topic", query.Topic);
        AddTerm(filters, "day", query.Day);
        AddTerm(filters, "cost", query.Cost);
        AddTerm(filters, "storyKind", query.StoryKind);
        foreach (var need in query.Access)
        {
            AddTerm(filters, "access", need);
        }

        var words = Words(query.Q);
        var combined = new BooleanQuery();
        if (words is not null)
        {
            combined.Add(words, Occur.MUST);
        }
        else
        {
            combined.Add(new MatchAllDocsQuery(), Occur.MUST);
        }
        foreach (var clause in filters.Clauses)
        {
            combined.Add(clause);
        }

        var found = _searcher.Search(combined, Math.Max(1, _reader.MaxDoc));
        var ordered = found.ScoreDocs.Select(d => (Item: Catalogue.Items[Number(d.Doc)], d.Score));
        ordered = words is null
            ? ordered.OrderBy(h => h.Item.Kind == SearchDocument.EventKind ? 0 : 1).ThenBy(h => h.Item.Start).ThenByDescending(h => h.Item.PublishedAt)
            : ordered.OrderByDescending(h => h.Score).ThenBy(h => h.Item.Start ?? DateTimeOffset.MaxValue);
        var page = ordered.Skip((query.Page - 1) * SearchQuery.PageSize).Take(SearchQuery.PageSize).Select(h => h.Item).ToList();

        var highlighter = words is null ? null : new Highlighter(new SimpleHTMLFormatter("<mark>", "</mark>"), new SiteEncoder(), new QueryScorer(words))
        {
            TextFragmenter = new NullFragmenter(),
        };
        var hits = page.Select(item =>
        {
            var (title, summary, language, _) = item.TextFor(query.Language);
            var welsh = language == Language.Welsh;
            return new SearchHit(item, Highlight(highlighter, welsh ? WelshTitle : "title", title), Highlight(highlighter, welsh ? WelshText : "text", summary));
        }).ToList();
        return new SearchResults(hits, found.TotalHits, words is not null);
    }

    private int Number(int doc) => _searcher.Doc(doc).GetField("n").GetInt32Value() ?? 0;

    // The reader's words as a query: special characters are taken as themselves, and every word must match.
    private Query? Words(string q)
    {
        if (string.IsNullOrWhiteSpace(q))
        {
            return null;
        }
        var parser = new MultiFieldQueryParser(Version, TextFields, _analyzer, Boosts) { DefaultOperator = Operator.AND };
        try
        {
            var parsed = parser.Parse(QueryParserBase.Escape(q.Trim()));
            // Only stop words ("the", "and"): nothing can match, so answer nothing rather than everything.
            return parsed is BooleanQuery { Clauses.Count: 0 } ? new BooleanQuery { { new TermQuery(new LuceneTerm("title", "\u0000")), Occur.MUST } } : parsed;
        }
        catch (ParseException)
        {
            return new BooleanQuery { { new TermQuery(new LuceneTerm("title", "\u0000")), Occur.MUST } };
        }
    }

    private string Highlight(Highlighter? highlighter, string field, string text)
    {
        if (highlighter is not null && highlighter.GetBestFragment(_analyzer, field, text) is { Length: > 0 } marked)
        {
            return marked;
        }
        return Site.Html.Encode(text);
    }

    private static void AddTerm(BooleanQuery query, string field, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            query.Add(new TermQuery(new LuceneTerm(field, value)), Occur.MUST);
        }
    }

    private static Document ToDocument(int number, SearchDocument item)
    {
        // A Welsh listing's words go to the Welsh fields; a bilingual one's English words to the English fields and its Welsh to the Welsh.
        var welshOnly = item.MainLanguage == Language.Welsh;
        var document = new Document
        {
            new StoredField("n", number),
            new StringField("kind", item.Kind, Field.Store.NO),
            new TextField(welshOnly ? WelshTitle : "title", item.Title, Field.Store.NO),
            new TextField(welshOnly ? WelshText : "text", item.Summary + "\n" + item.Text, Field.Store.NO),
            new StringField("cost", item.Free ? "free" : "paid", Field.Store.NO),
        };
        if (item.Welsh is { } welsh)
        {
            document.Add(new TextField(WelshTitle, welsh.Title, Field.Store.NO));
            document.Add(new TextField(WelshText, welsh.Summary + "\n" + welsh.Text, Field.Store.NO));
        }
        Add(document, "region", item.Region);
        Add(document, "format", item.Format);
        if (item.Kind == SearchDocument.StoryKind)
        {
            Add(document, "storyKind", Posts.StoryKinds.Of(item.KindOfStory));
        }
        foreach (var day in item.Days)
        {
            Add(document, "day", day);
        }
        foreach (var need in item.Access)
        {
            Add(document, "access", need);
        }
        foreach (var topic in item.Topics)
        {
            Add(document, "topic", topic);
        }
        return document;
    }

    private static void Add(Document document, string field, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            document.Add(new StringField(field, value, Field.Store.NO));
        }
    }

    public void Dispose()
    {
        _reader.Dispose();
        _directory.Dispose();
        _analyzer.Dispose();
    }

    // The site's own encoding: markup characters encoded, Welsh and every other script left readable.
    private sealed class SiteEncoder : IEncoder
    {
        public string EncodeText(string originalText) => Site.Html.Encode(originalText);
    }

    /// <summary>
    /// The little words left out of every field. English and Welsh fields leave out the same ones: a word dropped from
    /// one language's fields but not the other's would have to match in the other's, and so would find nothing.
    /// </summary>
    private static readonly CharArraySet StopWords = StopSet();

    private static CharArraySet StopSet()
    {
        var words = new CharArraySet(Version, EnglishAnalyzer.DefaultStopSet, ignoreCase: true);
        foreach (var word in new[] { "y", "yr", "ac", "yn", "o", "ar", "i", "ei", "eu", "mae", "ym", "yng", "gyda", "am" })
        {
            words.Add(word);
        }
        return words.AsReadOnly();
    }

    /// <summary>English words, stemmed, lower case, accents folded, common words left out.</summary>
    private sealed class SiteAnalyzer : Analyzer
    {
        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
        {
            var source = new StandardTokenizer(Version, reader);
            TokenStream stream = new StandardFilter(Version, source);
            stream = new EnglishPossessiveFilter(Version, stream);
            stream = new LowerCaseFilter(Version, stream);
            stream = new ASCIIFoldingFilter(stream);
            stream = new StopFilter(Version, stream, StopWords);
            stream = new PorterStemFilter(stream);
            return new TokenStreamComponents(source, stream);
        }
    }

    /// <summary>Welsh words: lower case, accents folded (ŵ, ŷ, â, ë…), the same little words left out, no stemming (English rules would mangle them).</summary>
    private sealed class WelshAnalyzer : Analyzer
    {
        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
        {
            var source = new StandardTokenizer(Version, reader);
            TokenStream stream = new StandardFilter(Version, source);
            stream = new LowerCaseFilter(Version, stream);
            stream = new ASCIIFoldingFilter(stream);
            stream = new StopFilter(Version, stream, StopWords);
            return new TokenStreamComponents(source, stream);
        }
    }
}
