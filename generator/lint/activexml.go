package lint

import (
	"bytes"
	"cmp"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"

	"bulletin/generator/content"
)

// xmlScript says why a file read as XML runs script, as a
// browser reads it: its own entities expanded, and the defaults its
// document type gives attributes too. A script element of a namespace
// a browser shows (SVG, XHTML, MathML) or of a stylesheet's output, an
// attribute that runs script (see activeAttribute), and what a
// stylesheet could turn into script are refused: an element or an
// attribute it names script or on…, or by a name it works out, text it
// writes as markup, and a stylesheet in a file of another kind. The
// first found is told, at the line its tag starts on.
func xmlScript(data []byte) finding {
	data = utf8Text(data)
	entities, f := declarations(data)
	if f.why != "" {
		return f
	}
	// A browser gives a stylesheet's elements the defaults its document
	// type declares before it runs it: one could name the attribute an
	// xsl:attribute makes, or work out an address.
	defaults := attributeList.Find(data)
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = false
	d.Entity = entities
	d.CharsetReader = charset.NewReaderLabel
	stylesheet := false     // the file is an XSLT stylesheet, whose elements in no namespace it writes as HTML
	var made *madeAttribute // the xsl:attribute being read, if it makes an address
	// lands are, for each element open, the element an xsl:attribute in
	// it adds to: one the stylesheet writes, by name, or one an
	// xsl:element makes; "" for one not known, in an xsl:attribute-set.
	var lands []string
	for {
		line, _ := d.InputPos() // where the next token starts
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			return finding{}
		}
		if err != nil {
			return unreadable("cannot be read as XML, so not for script either (" + err.Error() + "): correct it, as a browser shows nothing past such a mistake")
		}
		if made != nil {
			if f := made.read(tok); f.why != "" {
				return f.at(line)
			}
			if made.done {
				made = nil
			}
		}
		switch t := tok.(type) {
		case xml.StartElement:
			stylesheet = stylesheet || t.Name.Space == xslSpace || slices.ContainsFunc(t.Attr, func(a xml.Attr) bool { return a.Name.Space == xslSpace })
			if stylesheet && defaults != nil {
				return runs(content.Truncate(string(defaults), 60) + ", a default attribute of a stylesheet, which may make an address as it runs")
			}
			lands = append(lands, landing(t, lands))
			if t.Name.Space == xslSpace && t.Name.Local == "attribute" && made == nil {
				made = madeAttributeOf(t, lands[len(lands)-1])
			}
			// Script runs in the namespaces of pages a browser shows, and
			// in a stylesheet's output.
			shown := shownSpaces[t.Name.Space] || stylesheet && t.Name.Space != xslSpace
			if shown && strings.EqualFold(t.Name.Local, "script") {
				return runs("<" + t.Name.Local + ">").at(line)
			}
			for _, a := range t.Attr {
				if !shown && a.Name.Space == "" && strings.HasPrefix(strings.ToLower(a.Name.Local), "on") {
					continue // onMatch=, in an XML file no browser runs
				}
				if f := activeAttribute(t.Name.Local, a.Name.Space, a.Name.Local, a.Value, 0); f.why != "" {
					return f.at(line)
				}
				if t.Name.Space == xslSpace && a.Name.Space == "" {
					if f := madeByStylesheet(t.Name.Local, a.Name.Local, a.Value); f.why != "" {
						return f.at(line)
					}
				}
				if stylesheet && t.Name.Space != xslSpace && addressMade(a.Name.Local) {
					if fixed, worked := workedOut(a.Value); worked && !safeStart(a.Name.Local, fixed) {
						return runs(fmt.Sprintf("%s=%q, an address the stylesheet works out from what it reads, which may be a javascript: address", a.Name.Local, a.Value)).at(line)
					}
				}
			}
		case xml.EndElement:
			if len(lands) > 0 {
				lands = lands[:len(lands)-1]
			}
		case xml.ProcInst:
			if t.Target == "xml-stylesheet" {
				if href := stylesheetHref(string(t.Inst)); href != "" && !styleFile.MatchString(strings.ToLower(href)) {
					return unreadable(fmt.Sprintf("names as its stylesheet %s, whose script a browser would run on the site's own address, and which is not read for script: name it .xsl or .xslt", href)).at(line)
				}
			}
		}
	}
}

// landing gives the element an xsl:attribute in the element start adds
// its attribute to, lands being those of the elements around it: start
// itself, where the stylesheet writes it; the one an xsl:element names;
// "" in an xsl:attribute-set, whose attributes land on whatever uses it,
// or an xsl:element of a name worked out; else, in XSLT's other
// elements (xsl:if, xsl:attribute itself), the one around them.
func landing(start xml.StartElement, lands []string) string {
	if start.Name.Space != xslSpace {
		return start.Name.Local
	}
	switch start.Name.Local {
	case "element":
		for _, a := range start.Attr {
			if a.Name.Space == "" && a.Name.Local == "name" && !strings.Contains(a.Value, "{") {
				return localName(strings.TrimSpace(a.Value))
			}
		}
		return ""
	case "attribute-set":
		return ""
	}
	if len(lands) == 0 {
		return ""
	}
	return lands[len(lands)-1]
}

// xslSpace is XSLT's namespace.
const xslSpace = "http://www.w3.org/1999/XSL/Transform"

// shownSpaces are the namespaces of the elements a browser shows, and
// runs the script of, in a file read as XML.
var shownSpaces = map[string]bool{"http://www.w3.org/2000/svg": true, "http://www.w3.org/1999/xhtml": true, "http://www.w3.org/1998/Math/MathML": true}

// styleFile matches the name of a stylesheet the check reads, or one
// that cannot hold script.
var styleFile = regexp.MustCompile(`\.(xsl|xslt|css)([?#].*)?$`)

// madeByStylesheet says why the attribute key="val" of the XSLT element
// tag could make script.
func madeByStylesheet(tag, key, val string) finding {
	switch {
	case key == "disable-output-escaping" && strings.EqualFold(strings.TrimSpace(val), "yes"):
		return runs(fmt.Sprintf("%s=%q, which writes text as markup, such as a feed's description, and so any script it holds", key, val))
	case (tag == "element" || tag == "attribute") && key == "name":
		name := strings.ToLower(strings.TrimSpace(val))
		name = localName(name)
		switch {
		case strings.Contains(val, "{"):
			return runs(fmt.Sprintf("<%s name=%q>, of a name worked out, which may be script", tag, val))
		case name == "script" || tag == "attribute" && strings.HasPrefix(name, "on"):
			return runs(fmt.Sprintf("<%s name=%q>", tag, val))
		}
	}
	return finding{}
}

// addressMade reports whether a browser takes the attribute named key
// as an address it may run as script, or a page: one a stylesheet may
// not work out as it runs.
func addressMade(key string) bool {
	key = strings.ToLower(localName(key))
	return urlAttributes[key] || animationAttributes[key] || key == "srcdoc"
}

// workedOut reports whether the value of an attribute of an element a
// stylesheet writes has a part it works out as it runs: an expression
// in braces ({link}), where {{ stands for a brace; fixed is what comes
// before the first.
func workedOut(val string) (fixed string, worked bool) {
	for i := 0; i < len(val); i++ {
		if val[i] != '{' {
			continue
		}
		if i+1 < len(val) && val[i+1] == '{' {
			i++
			continue
		}
		return strings.ReplaceAll(val[:i], "{{", "{"), true
	}
	return "", false
}

// safeStart reports whether an address of the attribute key that starts
// with fixed, whatever follows, cannot be one that runs script: it is an
// address, not a page or an animation's values, and fixed starts it as
// a path, a fragment or a query of the page's own site, or with a
// scheme that runs none.
func safeStart(key, fixed string) bool {
	if !urlAttributes[strings.ToLower(localName(key))] {
		return false
	}
	start := asAddress(fixed)
	for _, safe := range []string{"/", "#", "?", "./", "../", "http://", "https://", "mailto:"} {
		if strings.HasPrefix(start, safe) {
			return true
		}
	}
	return false
}

// madeAttribute is an xsl:attribute that makes an attribute a browser
// takes as an address (see addressMade), as it is read: its value is
// refused unless it is text written out in the stylesheet, which is
// then read as the attribute's value.
type madeAttribute struct {
	name    string
	element string // the element it adds the attribute to
	depth   int    // of the elements open, itself first
	text    strings.Builder
	worked  bool // the value has a part worked out, after a start that runs no script (see safeStart)
	done    bool
}

// madeAttributeOf gives the xsl:attribute start, which adds an
// attribute to element, if it makes an attribute that is an address;
// nil if not.
func madeAttributeOf(start xml.StartElement, element string) *madeAttribute {
	for _, a := range start.Attr {
		if a.Name.Space == "" && a.Name.Local == "name" && addressMade(strings.TrimSpace(a.Value)) {
			return &madeAttribute{name: strings.TrimSpace(a.Value), element: element, depth: 1}
		}
	}
	return nil
}

// read reads the next token inside m, and says why its value may run
// script: one worked out (xsl:value-of, a variable), or text that does.
func (m *madeAttribute) read(tok xml.Token) finding {
	switch t := tok.(type) {
	case xml.StartElement:
		m.depth++
		fixed := m.depth == 2 && t.Name.Space == xslSpace && t.Name.Local == "text"
		if !fixed && !m.worked {
			if !safeStart(m.name, m.text.String()) {
				return runs(fmt.Sprintf("<attribute name=%q> whose value the stylesheet works out from what it reads (<%s>), which may be a javascript: address", m.name, t.Name.Local))
			}
			m.worked = true
		}
	case xml.EndElement:
		if m.depth--; m.depth == 0 {
			m.done = true
			if m.worked {
				return finding{}
			}
			// Where the element is not known, the address is read as a
			// frame's, which may show a page of it.
			return activeAttribute(cmp.Or(m.element, "iframe"), "", localName(m.name), m.text.String(), 0)
		}
	case xml.CharData:
		m.text.Write(t)
	}
	return finding{}
}

// hrefPseudoAttribute matches the href of an xml-stylesheet processing
// instruction (href="feed.xsl" type="text/xsl").
var hrefPseudoAttribute = regexp.MustCompile(`(?:^|\s)href\s*=\s*(?:"([^"]*)"|'([^']*)')`)

// stylesheetHref gives the href of the text of an xml-stylesheet
// processing instruction, or "".
func stylesheetHref(inst string) string {
	m := hrefPseudoAttribute.FindStringSubmatch(inst)
	if m == nil {
		return ""
	}
	return m[1] + m[2]
}

var (
	// entityDeclaration matches an entity declared in a document type,
	// with its value when it has one there, not in another file.
	entityDeclaration = regexp.MustCompile(`(?i)<!ENTITY\s+(%\s*)?([^\s>]+)\s+(?:"([^"]*)"|'([^']*)'|[^>]*)`)
	// attributeList matches a list of attributes declared in a document
	// type, whose defaults a browser gives the elements; handlerDeclared,
	// an event handler among them.
	attributeList   = regexp.MustCompile(`(?i)<!ATTLIST\s[^>]*>`)
	handlerDeclared = regexp.MustCompile(`\son\w*\s`)
)

// declarations gives the entities the document type of data declares,
// by name, as the decoder expands them, and says why it runs script
// when it does: an entity whose value holds markup, or attributes whose
// defaults do. An entity read from another file, which a browser does
// not fetch, stands for nothing.
func declarations(data []byte) (map[string]string, finding) {
	entities := map[string]string{}
	for _, m := range entityDeclaration.FindAllSubmatch(data, -1) {
		value := html.UnescapeString(string(m[3]) + string(m[4]))
		if strings.Contains(value, "<") {
			// A parameter entity of markup declares more of the document
			// type, such as default attributes.
			return nil, runs(content.Truncate(string(m[0]), 60) + ", an entity of markup, which may be script")
		}
		// A parameter entity is used in the document type alone; of two
		// declarations of one entity, the first holds, as in XML.
		if _, declared := entities[string(m[2])]; len(m[1]) == 0 && !declared {
			entities[string(m[2])] = value
		}
	}
	for _, m := range attributeList.FindAll(data, -1) {
		decl := strings.ToLower(string(m))
		if handlerDeclared.MatchString(decl) || strings.Contains(decl, "script:") || strings.Contains(decl, "&") {
			return nil, runs(content.Truncate(string(m), 60) + ", a default attribute, which may be script")
		}
	}
	return entities, finding{}
}
