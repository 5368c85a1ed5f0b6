package content

import (
	"cmp"
	"errors"
	"fmt"
	"io/fs"
	"net"
	"net/url"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/idna"
)

// DefaultBaseURL is the base URL of a site whose site.yaml sets none.
const DefaultBaseURL = "http://localhost:8080/"

// SettingsFile is the site settings file, at the top of the content folder.
const SettingsFile = "site.yaml"

// Settings are the site-wide choices from site.yaml, with defaults filled in.
type Settings struct {
	Title       string
	Description string
	BaseURL     string // absolute, ending in "/"
	Language    string
	TimeZone    string
	Location    *time.Location
	PageSize    int
	Notice      string
	Regulators  []Regulator
	Statuses    []Status
	RawHTML     bool   // let raw HTML in Markdown through instead of escaping it
	IDAuthority string // the tag URI authority of feed entry ids; defaults to base_url's host
	// FlagAuthority says that IDAuthority is the host of a base URL
	// given to the build (see SetBaseURL), as site.yaml sets neither
	// base_url nor id_authority: git, which keeps site.yaml, does not
	// know it.
	FlagAuthority bool
	// FeedEntryKB bounds an entry's content in a feed, in kilobytes; a
	// longer article is carried by its summary and a link. FeedKB bounds
	// the full text a feed file carries: once it is spent, the older
	// entries are carried the same way. No entry is ever left out.
	FeedEntryKB, FeedKB int
	// SearchBundle bounds the articles of one search index bundle: a site
	// with more is indexed by year, a year with more by quarter, and a
	// quarter with more by month, so that indexing one bundle costs the
	// same however large the site grows.
	SearchBundle int
	// WebSubHubs are the WebSub hubs every feed names (websub_hub), in
	// the order written; a feed whose bytes changed is pinged to each.
	WebSubHubs []string
	// Deploy is where bulletin deploy publishes the built site.
	Deploy Deploy
	// FeedAliases are the old addresses of the bulletin's feed, from the
	// system it came from (Hugo's /index.xml, WordPress's /feed/), as
	// site paths; FeedAliasLines are the lines each is set on.
	FeedAliases    []string
	FeedAliasLines []int32
	// Params are the theme's own settings (params: in site.yaml) by name,
	// which templates show as {{.Site.Settings.Params.name}}: each a
	// string, or a bool, int64 or float64 where YAML reads true, false or
	// a number, so that {{if .Site.Settings.Params.show_banner}} takes
	// false as false.
	Params Params
	// paramLines are the lines of site.yaml each of Params is set on.
	paramLines map[string]int
	// ownStatuses is set where site.yaml's statuses replace the defaults.
	ownStatuses bool
	// zoneLine is the line of site.yaml that sets TimeZone, 0 for none.
	zoneLine int
	// authorityLine is the line of site.yaml that gives feed ids their
	// authority: id_authority's, else base_url's; 0 for none.
	authorityLine int
	// Broken is set when site.yaml has a problem, so that what the
	// defaults stand in for is not taken for what it gives (its id
	// authority, say): the build stops on the problem anyway.
	Broken bool
	// Drafts shows drafts as if published, each marked as a draft: serve
	// -drafts sets it, to preview them, never site.yaml.
	Drafts bool
}

// The feed limits and the search bundle's size when site.yaml sets none.
const (
	DefaultFeedEntryKB = 100
	DefaultFeedKB      = 2000
	// maxFeedKB bounds feed_kb and feed_entry_kb: a feed of a gigabyte
	// is no feed a reader fetches.
	maxFeedKB           = 1_000_000
	DefaultSearchBundle = 1000
)

// Regulator is the full name and website behind an abbreviation.
type Regulator struct {
	Abbr string
	Name string
	URL  string
}

// Status is one stage in the life of a regulatory matter.
type Status struct {
	Key         string
	Label       string
	Explanation string
	Next        string
}

// Status returns the status with the given key, or nil.
func (s *Settings) Status(key string) *Status {
	for i := range s.Statuses {
		if s.Statuses[i].Key == key {
			return &s.Statuses[i]
		}
	}
	return nil
}

// Regulator returns the regulator with the given abbreviation, or nil.
func (s *Settings) Regulator(abbr string) *Regulator {
	for i := range s.Regulators {
		if strings.EqualFold(s.Regulators[i].Abbr, abbr) {
			return &s.Regulators[i]
		}
	}
	return nil
}

func (s *Settings) statusKeys() []string {
	keys := make([]string, len(s.Statuses))
	for i, st := range s.Statuses {
		keys[i] = st.Key
	}
	return keys
}

// DefaultStatuses cover the usual life of a regulatory matter.
var DefaultStatuses = []Status{
	{"proposed", "Proposed", "The change has been announced or proposed but not yet consulted on.", "A consultation or a decision on whether to go ahead."},
	{"consultation", "Out for consultation", "The regulator or government is asking for views.", "A consultation response, then a decision."},
	{"planned", "Planned", "The change has been decided and has a start date.", "It starts on the planned date, unless it is delayed."},
	{"piloting", "Being piloted", "The approach is being tested with a small number of organisations.", "An evaluation of the pilots, then a decision on rollout."},
	{"in-progress", "In progress", "The work is under way.", "Updates as the work reaches its milestones."},
	{"paused", "Paused", "The work has been stopped for now and may restart.", "A decision to restart, change or stop the work."},
	{"in-force", "In force", "The requirement applies now.", "Providers must comply; look out for guidance and reviews."},
	{"under-review", "Under review", "The arrangement is being reviewed.", "The review's findings and any changes they lead to."},
	{"reported", "Reported", "A review or inquiry has published its findings.", "A response from the organisation concerned, and action on the findings."},
	{"withdrawn", "Withdrawn", "The proposal or requirement has been withdrawn.", "Nothing further, unless a new proposal is made."},
	{"closed", "Closed", "The matter has concluded.", "Nothing further is expected."},
}

func defaultSettings() Settings {
	return Settings{
		Title:        "Regulatory bulletin",
		Description:  "Updates on regulation, in date order.",
		BaseURL:      DefaultBaseURL,
		Language:     "en-GB",
		TimeZone:     "Europe/London",
		PageSize:     20,
		FeedEntryKB:  DefaultFeedEntryKB,
		FeedKB:       DefaultFeedKB,
		SearchBundle: DefaultSearchBundle,
		Deploy:       Deploy{MaxDeletes: DefaultMaxDeletes},
		Statuses:     append([]Status(nil), DefaultStatuses...),
	}
}

var settingsFields = []string{"title", "description", "base_url", "language", "time_zone", "page_size", "notice", "regulators", "statuses", "raw_html", "id_authority", "feed_entry_kb", "feed_kb", "search_bundle", "websub_hub", "deploy", "feed_aliases", "params"}

// loadSettings reads site.yaml if present; a missing file means defaults.
// The settings it returns always have a Location, even when site.yaml is
// broken, so articles can still be checked and every problem reported.
func loadSettings(fsys fs.FS, dir string) (Settings, Errors) {
	data, err := readSettingsFile(fsys)
	return settingsOf(data, err, dir)
}

// misnamedSettings says why the file at slash path p of the content
// folder is refused: it is named as the settings file is but for its
// case or its extension (site.yml, site.toml, Site.yaml), so that a
// build would read none of the settings written in it, and publish them
// for anyone to read; "" for any other file.
func misnamedSettings(p string) string {
	if strings.Contains(p, "/") {
		return "" // the settings are at the top of the folder
	}
	lower := strings.ToLower(p)
	ext := path.Ext(lower)
	if p == SettingsFile || strings.TrimSuffix(lower, ext) != "site" {
		return ""
	}
	switch {
	case lower == SettingsFile:
		// A file system that ignores case reads it as the settings; one
		// that does not, as any other file.
		return fmt.Sprintf("the settings file is %s, in lower case: where names differ by case a build reads none of the settings written here, and publishes them for anyone to read: rename it %s", SettingsFile, SettingsFile)
	case slices.Contains([]string{".yml", ".toml", ".json"}, ext):
		return fmt.Sprintf("a build reads the site's settings from %s alone, so it would read none written here and publish them for anyone to read: name it %s, written in YAML, or move it out of the content folder", SettingsFile, SettingsFile)
	}
	return ""
}

// readSettingsFile reads site.yaml's bytes. It may be a link, as to
// settings shared by several content folders, but what it is or leads to
// must be a regular file no larger than MaxFileSize: a pipe would never
// end, a device such as /dev/zero would fill the memory.
func readSettingsFile(fsys fs.FS) ([]byte, error) {
	info, err := fs.Stat(fsys, SettingsFile)
	if errors.Is(err, fs.ErrNotExist) {
		// A link to nothing is no missing file: the defaults would be
		// built over a site published with settings of its own.
		if target, linkErr := fs.ReadLink(fsys, SettingsFile); linkErr == nil {
			return nil, fmt.Errorf("a link to %s, which leads to no file: put the settings there, or a file of settings in the link's place", target)
		}
	}
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, errors.New("not a regular file, nor a link to one: put a file of settings in its place")
	}
	data, err := readFile(fsys, SettingsFile)
	if err == nil && len(data) > MaxFileSize {
		err = fmt.Errorf("larger than %d MB, more than any settings need", MaxFileSize>>20)
	}
	return data, err
}

// settingsOf is loadSettings of the bytes data read from site.yaml, or
// the error reading it gave.
func settingsOf(data []byte, readErr error, dir string) (Settings, Errors) {
	s := defaultSettings()
	d := &decoder{file: JoinPath(dir, SettingsFile)}
	switch {
	case errors.Is(readErr, fs.ErrNotExist):
	case readErr != nil:
		d.fail(0, "can't read the file: %v", withoutPath(readErr))
	default:
		decodeSettings(data, d, &s)
	}
	if s.IDAuthority == "" {
		s.IDAuthority = host(s.BaseURL)
	}
	loc, err := location(s.TimeZone)
	if err != nil {
		d.fail(0, "time zone %q: %v", s.TimeZone, err)
		loc = time.UTC
	}
	s.Location = loc
	s.Broken = len(d.errs) > 0
	return s, d.errs
}

// IDAuthority is the authority of feed entry ids that a settings file
// holding data gives: its id_authority, or else its base_url's host. It
// is "" when the file sets neither, as the authority then comes from the
// -base-url a site is built with, or when it has a problem.
func IDAuthority(data []byte) string {
	s := Settings{BaseURL: DefaultBaseURL}
	d := &decoder{file: SettingsFile}
	decodeSettings(data, d, &s)
	switch {
	case len(d.errs) > 0:
		return ""
	case s.IDAuthority != "":
		return s.IDAuthority
	case s.BaseURL != DefaultBaseURL:
		return host(s.BaseURL)
	}
	return ""
}

// ZoneOf is the time zone a settings file holding data gives, by name:
// its time_zone, else the default one; "" when the file has a problem.
// A nil data, no settings file, gives the default.
func ZoneOf(data []byte) string {
	s := defaultSettings()
	d := &decoder{file: SettingsFile}
	decodeSettings(data, d, &s)
	if len(d.errs) > 0 {
		return ""
	}
	return s.TimeZone
}

// ZoneLine is the line of site.yaml, as s was read from, that sets
// time_zone, 0 for none.
func ZoneLine(s *Settings) int { return s.zoneLine }

// AuthorityLine is the line of site.yaml, as s was read from, that gives
// feed ids their authority: id_authority's, else base_url's; 0 for none.
func AuthorityLine(s *Settings) int { return s.authorityLine }

// decodeSettings reads the settings file's bytes into s.
func decodeSettings(data []byte, d *decoder, s *Settings) {
	root, err := parseYAML(normalize(data), 1, "the file")
	if err != nil {
		d.errs = append(d.errs, locate(err, d.file))
	}
	if root == nil || root.kind == scalarNode && root.typ == "null" {
		return // no settings, as an empty file, or ~ alone
	}
	if root.kind != mapNode {
		d.fail(root.line, "got %s, want settings written as name: value, one a line", root.describe())
		return
	}
	baseLine := 0
	d.each("", root, settingsFields, func(key string, v *node) {
		switch key {
		case "title":
			s.Title = d.text(key, v)
		case "description":
			s.Description = d.text(key, v)
		case "base_url":
			s.BaseURL, baseLine = baseURL(d, v), v.line
		case "language":
			if tag := languageTag(d, key, v); tag != "" {
				s.Language = tag
			}
		case "time_zone":
			s.TimeZone, s.zoneLine = timeZone(d, v), v.line
		case "page_size":
			s.PageSize = d.integer(key, v, 1)
		case "feed_entry_kb":
			s.FeedEntryKB = d.between(key, v, 1, maxFeedKB)
		case "feed_kb":
			s.FeedKB = d.between(key, v, 1, maxFeedKB)
		case "search_bundle":
			s.SearchBundle = d.integer(key, v, 1)
		case "notice":
			// Empty, it shows no banner; only characters nobody sees, an
			// empty one.
			if s.Notice = d.str(key, v); s.Notice != "" {
				if r, ok := onlyInvisible(s.Notice); ok {
					d.fail(v.line, "notice: holds only characters nobody sees (%U first), so every page would show an empty banner: write the notice, or remove the field", r)
				}
			}
		case "regulators":
			s.Regulators = regulators(d, v)
		case "statuses":
			// A broken list keeps the defaults, so articles are not all
			// reported as having an unknown status on top of this error.
			if st := statuses(d, v); len(st) > 0 {
				s.Statuses, s.ownStatuses = st, true
			}
		case "raw_html":
			s.RawHTML = d.boolean(key, v)
		case "id_authority":
			s.IDAuthority, s.authorityLine = idAuthority(d, v), v.line
		case "websub_hub":
			s.WebSubHubs = webSubHubs(d, v)
		case "deploy":
			s.Deploy = deploySettings(d, v)
		case "params":
			s.Params, s.paramLines = params(d, v)
		case "feed_aliases":
			s.FeedAliases, s.FeedAliasLines = aliasPaths(d, key, v)
		}
	})
	// Feed entry ids take base_url's host for their authority unless
	// id_authority names one, and a tag URI's authority is a domain name.
	if s.authorityLine == 0 {
		s.authorityLine = baseLine
	}
	if h := host(s.BaseURL); s.IDAuthority == "" && baseLine > 0 && h != "" && !dnsName(h) {
		d.fail(baseLine, "base_url: its host %s is not a domain name, which feed entry ids are made of: set id_authority to a domain name the publisher owns, such as bulletin.example.org", h)
	}
}

// location loads a time zone by name. "Local" is refused because it
// depends on the machine that builds the site, and the same content
// must give the same pages everywhere.
func location(name string) (*time.Location, error) {
	if name == "Local" {
		return nil, errors.New("the build machine's zone is not allowed")
	}
	return time.LoadLocation(name)
}

func timeZone(d *decoder, v *node) string {
	name := d.text("time_zone", v)
	if name == "" {
		return defaultSettings().TimeZone
	}
	if _, err := location(name); err != nil {
		if cased := zoneCase(name); cased != name {
			if _, err := location(cased); err == nil {
				d.fail(v.line, "time_zone: %q is not a known time zone: did you mean %s? Zone names are written with capitals", name, cased)
				return defaultSettings().TimeZone
			}
		}
		d.fail(v.line, "time_zone: %q is not a known time zone: use a name such as Europe/London", name)
		return defaultSettings().TimeZone
	}
	return name
}

// zoneCase writes a zone's name as the zone database does: each word
// capitalized (europe/london as Europe/London, america/new_york as
// America/New_York).
func zoneCase(name string) string {
	b := []byte(strings.ToLower(name))
	for i := range b {
		if i == 0 || strings.IndexByte("/_-", b[i-1]) >= 0 {
			b[i] = byte(unicode.ToUpper(rune(b[i])))
		}
	}
	return string(b)
}

func baseURL(d *decoder, v *node) string {
	s := d.text("base_url", v)
	if s == "" {
		return defaultSettings().BaseURL
	}
	if why := CheckBaseURL(s); why != "" {
		d.fail(v.line, "base_url: %s", why)
		return defaultSettings().BaseURL
	}
	return NormalizeBaseURL(s)
}

// CheckBaseURL says what is wrong with s as the address the site is
// served from, and what to write instead; "" when nothing is.
func CheckBaseURL(s string) string {
	if !isWebURL(s) {
		return fmt.Sprintf("%q is not an absolute http(s) URL: write it like https://bulletin.example.org/", s)
	}
	u, _ := url.Parse(s) // isWebURL parsed it
	if u.User != nil || u.RawQuery != "" || strings.Contains(s, "#") || u.ForceQuery {
		u.User, u.RawQuery, u.Fragment, u.ForceQuery = nil, "", "", false
		return fmt.Sprintf("%q has a user name, password, query or fragment, which every page, feed and sitemap would publish: write %s", s, strings.TrimRight(u.String(), "/")+"/")
	}
	if slices.ContainsFunc(strings.Split(u.Path, "/"), func(seg string) bool { return seg == "." || seg == ".." }) {
		u.Path = strings.TrimSuffix(path.Clean(u.Path), "/") + "/"
		u.RawPath = ""
		return fmt.Sprintf("%q has a . or .. segment, which every address of the site would carry as written: write %s", s, u)
	}
	if strings.Contains(strings.TrimRight(u.Path, "/"), "//") {
		// Links to /x/ from a base of https://a.example//cdn.example/
		// start //cdn.example/, which browsers read as another site.
		u.Path = doubleSlashes.ReplaceAllString(u.Path, "/")
		u.RawPath = ""
		return fmt.Sprintf("%q has // in its path, which every link of the site would start with, and which browsers read as the address of another site: write %s", s, strings.TrimRight(u.String(), "/")+"/")
	}
	if _, err := asciiHost(u.Hostname()); err != nil {
		return fmt.Sprintf("%q has a host that is not a domain name (%v): write it like https://bulletin.example.org/", s, err)
	}
	if i := strings.Index(strings.ToLower(u.EscapedPath()), "%2f"); i >= 0 {
		// Canonical links would keep it escaped, page links decoded, as
		// two folders: no one address serves both.
		return fmt.Sprintf("%q has an escaped slash (%s) in its path, which pages would link to as two folders: write the path with plain slashes", s, u.EscapedPath()[i:i+3])
	}
	return ""
}

// doubleSlashes matches a run of slashes.
var doubleSlashes = regexp.MustCompile(`//+`)

// asciiHost gives the host name h as DNS and feeds write it: a name in
// Unicode (例え.jp) in its ASCII form (xn--r8jz45g.jp). A name in ASCII
// is given as it is.
func asciiHost(h string) (string, error) {
	if !strings.ContainsFunc(h, func(r rune) bool { return r >= utf8.RuneSelf }) {
		return h, nil
	}
	return idna.Lookup.ToASCII(h)
}

// idAuthority reads id_authority: the authority of tag URIs (RFC 4151),
// a domain name or an email address.
func idAuthority(d *decoder, v *node) string {
	s := d.text("id_authority", v)
	local, domain, email := strings.Cut(s, "@")
	if !email {
		domain = s
	}
	if s != "" && (!dnsName(domain) || email && (local == "" || strings.ContainsFunc(local, func(r rune) bool { return r <= ' ' || r > '~' || strings.ContainsRune(`"(),:;<>@[\]`, r) }))) {
		d.fail(v.line, "id_authority: %q is not a domain name or an email address, as feed entry ids need: write it like bulletin.example.org", s)
		return ""
	}
	return s
}

// dnsName says whether s is a domain name: labels of letters, digits
// and hyphens, separated by dots.
func dnsName(s string) bool {
	for label := range strings.SplitSeq(s, ".") {
		if label == "" || len(label) > 63 || label[0] == '-' || label[len(label)-1] == '-' ||
			strings.ContainsFunc(label, func(r rune) bool {
				return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-')
			}) {
			return false
		}
	}
	return s != ""
}

// webSubHubs reads websub_hub: one hub's URL, or a list of them.
func webSubHubs(d *decoder, v *node) []string {
	items := []*node{v}
	if v.kind == listNode {
		items = v.items
	}
	var out []string
	for _, n := range items {
		if n.kind != scalarNode || n.typ == "null" {
			d.fail(n.line, "websub_hub: got %s, want a hub's URL, or a list of them, such as https://pubsubhubbub.appspot.com/", n.describe())
			continue
		}
		hub := strings.TrimSpace(n.text)
		bad := strings.IndexFunc(hub, func(r rune) bool { return r <= ' ' || r == 0x7f || strings.ContainsRune(`<>"\^`+"`{|}", r) })
		switch {
		case !isWebURL(hub):
			d.fail(n.line, "websub_hub: %q is not an absolute http(s) URL: write it like https://pubsubhubbub.appspot.com/", hub)
		case bad >= 0:
			d.fail(n.line, "websub_hub: %q holds %q, which a URL cannot hold as written, and the feeds' Link headers and links would break on it: percent-encode it (a space is %%20)", hub, hub[bad:bad+1])
		case withoutUser(hub) != "" || strings.Contains(hub, "#"):
			u, _ := url.Parse(hub) // isWebURL parsed it
			u.User, u.Fragment, u.RawFragment = nil, "", ""
			d.fail(n.line, "websub_hub: %q has a user name, password or fragment, which every feed and the Link headers would publish: write %s", hub, u)
		case slices.Contains(out, hub):
			d.fail(n.line, "websub_hub: %q is listed twice: list each hub once", hub)
		default:
			out = append(out, hub)
		}
	}
	return out
}

// NormalizeBaseURL makes a base URL that CheckBaseURL accepts end in
// exactly one slash, with its host in ASCII (see asciiHost), as every
// link, feed and sitemap of the site must write it.
func NormalizeBaseURL(s string) string {
	s = strings.TrimRight(s, "/") + "/"
	u, err := url.Parse(s)
	if err != nil {
		return s
	}
	h, err := asciiHost(u.Hostname())
	if err != nil || h == u.Hostname() {
		return s
	}
	return strings.Replace(s, u.Hostname(), h, 1)
}

// SetBaseURL puts u in place of base_url, as -base-url asks. Feed ids
// keep the authority site.yaml gives them, through base_url or
// id_authority, so that a staging build mints the ids of the real site;
// where it gives neither, they take u's host rather than localhost's,
// which every such site would share.
func (s *Settings) SetBaseURL(u string) {
	base := NormalizeBaseURL(u)
	if h := host(base); s.BaseURL == DefaultBaseURL && s.IDAuthority == host(DefaultBaseURL) && dnsName(h) {
		// A preview's own address, serve's, names no site.
		s.IDAuthority, s.FlagAuthority = h, h != "localhost" && net.ParseIP(h) == nil
	}
	s.BaseURL = base
}

// Params are the theme's own settings, by name (see Settings.Params): a
// type of their own, so that the theme's check can tell which names its
// templates ask them for.
type Params map[string]any

// ParamLine is the line of site.yaml, as s was read from, that sets the
// theme's setting name, 0 for none. It is no method of Settings, which
// templates see, as it is not theirs to show.
func ParamLine(s *Settings, name string) int { return s.paramLines[name] }

// params reads the theme's own settings: names, each with its value,
// and the line each is set on.
func params(d *decoder, v *node) (Params, map[string]int) {
	if v.kind != mapNode {
		d.fail(v.line, "params: got %s, want the theme's settings as name: value, one a line, indented below params:", v.describe())
		return nil, nil
	}
	out, lines := make(Params, len(v.keys)), make(map[string]int, len(v.keys))
	for i, k := range v.keys {
		if k.dup != "" {
			d.fail(k.line, "params.%s", k.dup)
			continue
		}
		out[k.text], lines[k.text] = param(d, "params."+k.text, v.items[i]), k.line
	}
	return out, lines
}

// param reads one of the theme's settings: true or false as a bool, a
// number YAML reads as one as an int64 or float64, else text.
func param(d *decoder, field string, n *node) any {
	if n.kind == scalarNode {
		switch n.typ {
		case "bool":
			return d.boolean(field, n)
		case "int":
			if i, err := yamlInt(n.text); err == nil {
				return i
			}
		case "float":
			if f, err := yamlFloat(n.text); err == nil {
				return f
			}
		}
	}
	return d.str(field, n)
}

func regulators(d *decoder, v *node) []Regulator {
	if v.kind != mapNode {
		d.fail(v.line, "regulators: got %s, want a map such as CQC: {name: Care Quality Commission, url: https://www.cqc.org.uk/}", v.describe())
		return nil
	}
	var out []Regulator
	pages := map[string]*node{} // the key that makes each regulator's page
	for i, k := range v.keys {
		if k.dup != "" {
			d.fail(k.line, "regulators.%s", k.dup)
			continue
		}
		r := Regulator{Abbr: k.text}
		field := "regulators." + k.text
		// Articles name a regulator in any case, so two keys that differ
		// only in case, or make one slug, are one regulator's page.
		if first, ok := pages[Slug(k.text)]; ok && Slug(k.text) != "" {
			d.fail(k.line, "%s: makes the page /regulators/%s/, as %s on line %d does: keep one of them", field, Slug(k.text), first.text, first.line)
			continue
		}
		pages[Slug(k.text)] = k
		seen := d.each(field, v.items[i], []string{"name", "url"}, func(key string, n *node) {
			switch key {
			case "name":
				r.Name = d.text(field+".name", n)
			case "url":
				r.URL = d.text(field+".url", n)
				if !isWebURL(r.URL) {
					d.fail(n.line, "%s.url: %q is not an absolute http(s) URL: write it like https://www.cqc.org.uk/", field, r.URL)
				} else if plain := withoutUser(r.URL); plain != "" {
					d.fail(n.line, "%s.url: %q has a user name or password, which the regulator's page would publish: write %s", field, r.URL, plain)
				}
			}
		})
		d.require(field, k.line, seen, "name")
		out = append(out, r)
	}
	return out
}

func statuses(d *decoder, v *node) []Status {
	if v.kind != mapNode {
		d.fail(v.line, "statuses: got %s, want a map such as paused: {label: Paused, explanation: ..., next: ...}", v.describe())
		return nil
	}
	var out []Status
	for i, k := range v.keys {
		if k.dup != "" {
			d.fail(k.line, "statuses.%s", k.dup)
			continue
		}
		st := Status{Key: k.text}
		field := "statuses." + k.text
		if Slug(k.text) != k.text {
			d.fail(k.line, "%s: status names are lower case words joined by hyphens: write %q", field, Slug(k.text))
			// Articles are checked against the name it asks for, so
			// that they are not told to write the one refused.
			st.Key = Slug(k.text)
		}
		seen := d.each(field, v.items[i], []string{"label", "explanation", "next"}, func(key string, n *node) {
			switch key {
			case "label":
				st.Label = d.text(field+".label", n)
			case "explanation":
				st.Explanation = d.text(field+".explanation", n)
			case "next":
				st.Next = d.text(field+".next", n)
			}
		})
		d.require(field, k.line, seen, "label")
		out = append(out, st)
	}
	if len(out) == 0 {
		d.fail(v.line, "statuses: is empty: list at least one status, or remove the field to use the defaults")
	}
	return out
}

// withoutUser gives the URL s without the user name and password it
// holds, which pages and feeds would publish, or "" when it holds none.
func withoutUser(s string) string {
	u, err := url.Parse(s)
	if err != nil || u.User == nil {
		return ""
	}
	u.User = nil
	return u.String()
}

func isWebURL(s string) bool {
	u, err := url.Parse(s)
	if err != nil || u.Scheme != "http" && u.Scheme != "https" || u.Hostname() == "" {
		return false
	}
	port, err := strconv.Atoi(cmp.Or(u.Port(), "80"))
	return err == nil && 0 < port && port < 1<<16
}

// JoinPath names the file at slash path name of the folder dir as
// editors know it: "content/a.md" for "a.md" in "content".
func JoinPath(dir, name string) string {
	if dir == "" || dir == "." {
		return name
	}
	return strings.TrimSuffix(dir, "/") + "/" + name
}

// locate gives an error from a parser the file it belongs to.
func locate(err error, file string) *Error {
	var e *Error
	if errors.As(err, &e) {
		e.File = file
		return e
	}
	return &Error{File: file, Msg: fmt.Sprint(err)}
}

func host(base string) string {
	u, err := url.Parse(base)
	if err != nil {
		return ""
	}
	return u.Hostname()
}
