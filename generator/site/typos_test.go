package site

import (
	"slices"
	"strings"
	"testing"

	"bulletin/generator/content"
)

func TestCheckNames(t *testing.T) {
	type use struct {
		topics, regulators []string
		refused            bool // the article is refused for another problem
		draft              bool
	}
	tests := []struct {
		name   string
		uses   []use
		intros []string // titles of topics with an intro page
		want   string   // the warning, or "" for none
	}{
		{
			name: "a topic a letter from one more articles use",
			uses: []use{{topics: []string{"ICS assessments"}}, {topics: []string{"ICS assessments"}}, {topics: []string{"ICS assesments"}}},
			want: `content/articles/a3.md:4: topics: "ICS assesments" looks like a misspelling of "ICS assessments", which 2 articles use: if so, write "ICS assessments"; if it is a new topic, give it an intro page at content/topics/ics-assesments.md`,
		},
		{
			name:   "a topic a letter from one with an intro page",
			uses:   []use{{topics: []string{"Workforce plan"}}, {topics: []string{"Workforce plans"}}},
			intros: []string{"Workforce plans"},
			want:   `content/articles/a1.md:4: topics: "Workforce plan" looks like a misspelling of "Workforce plans", which has an intro page: if so, write "Workforce plans"; if it is a new topic, give it an intro page at content/topics/workforce-plan.md`,
		},
		{
			name:   "a topic a letter from a described one with no articles",
			uses:   []use{{topics: []string{"Workforce plan"}}},
			intros: []string{"Workforce plans"},
			want:   `content/articles/a1.md:4: topics: "Workforce plan" looks like a misspelling of "Workforce plans", which has an intro page: if so, write "Workforce plans"; if it is a new topic, give it an intro page at content/topics/workforce-plan.md`,
		},
		{
			name:   "the new topic has an intro page",
			uses:   []use{{topics: []string{"ICS assessments"}}, {topics: []string{"ICS assessments"}}, {topics: []string{"ICS assesments"}}},
			intros: []string{"ICS assesments"},
		},
		{
			name: "a regulator two letters swapped from one site.yaml names",
			uses: []use{{regulators: []string{"DHCS"}}},
			want: `content/articles/a1.md:5: regulators: "DHCS" looks like a misspelling of "DHSC", which site.yaml names: if so, write "DHSC"; if it is another body, name it under regulators in site.yaml (DHCS: {name: …})`,
		},
		{
			name: "a regulator site.yaml names is never taken for a misspelling",
			uses: []use{{regulators: []string{"CQC"}}, {regulators: []string{"CQC"}}, {regulators: []string{"DHSC"}}},
		},
		{
			name: "Chinese names a character apart are two words",
			uses: []use{{topics: []string{"感叹"}}, {topics: []string{"感叹"}}, {topics: []string{"感受"}}, {topics: []string{"监管框架"}}, {topics: []string{"监管框架"}}, {topics: []string{"监管构架"}}},
		},
		{
			name: "names that differ in their numbers",
			uses: []use{{topics: []string{"Budget 2024"}}, {topics: []string{"Budget 2024"}}, {topics: []string{"Budget 2025"}}},
		},
		{
			name: "a name more than one article uses is not taken for a misspelling",
			uses: []use{{topics: []string{"Budget plan"}}, {topics: []string{"Budget plan"}}, {topics: []string{"Budget plans"}}, {topics: []string{"Budget plans"}}, {topics: []string{"Budget plans"}}},
		},
		{
			name: "names that differ by more than a slip",
			uses: []use{{topics: []string{"Adult social care"}}, {topics: []string{"Adult social care"}}, {topics: []string{"Child social care"}}},
		},
		{
			name: "two new names used as often: neither is taken for the other",
			uses: []use{{topics: []string{"CQC fee"}}, {topics: []string{"CQC fees"}}},
		},
		{
			name: "short names, where one letter makes another word, are only asked about",
			uses: []use{{regulators: []string{"HSE"}}, {regulators: []string{"HSE"}}, {regulators: []string{"HSA"}}},
			want: `content/articles/a3.md:5: regulators: "HSA" is used by this article only and is a letter from "HSE", which 2 articles use: check its spelling; if it is another body, name it under regulators in site.yaml (HSA: {name: …})`,
		},
		{
			name: "names that share an address but not their signs",
			uses: []use{{topics: []string{"C"}}, {topics: []string{"C"}}, {topics: []string{"C++"}}},
			want: `content/articles/a3.md:4: topics: "C++" has the same address as "C" (/topics/c/), which 2 articles use, so both show on one page: if they are one, write "C"; if not, name them so that their addresses differ`,
		},
		{
			name: "two spellings in one article",
			uses: []use{{topics: []string{"A&E", "A/E"}}},
			want: `content/articles/a1.md:4: topics: "A/E" has the same address as "A&E" (/topics/a-e/), which one article uses, so both show on one page: if they are one, write "A&E"; if not, name them so that their addresses differ`,
		},
		{
			name: "names written alike but for case, hyphens and apostrophes share a page",
			uses: []use{{topics: []string{"ICS assessments"}}, {topics: []string{"ICS-Assessments"}}, {topics: []string{"Ofsted's plans"}}, {topics: []string{"Ofsteds plans"}}},
		},
		{
			name: "a topic named as a regulator of site.yaml",
			uses: []use{{topics: []string{"cqc"}, regulators: []string{"CQC"}}},
			want: `content/articles/a1.md:4: topics: "cqc" names the regulator CQC (Care Quality Commission, in site.yaml), whose page is /regulators/cqc/; as a topic it gets a second page, /topics/cqc/: if the article is about the regulator, write regulators: [CQC]; if the topic is a matter of its own, name it so`,
		},
		{
			name: "a topic named as a regulator's name in site.yaml",
			uses: []use{{topics: []string{"Care Quality Commission"}}},
			want: `content/articles/a1.md:4: topics: "Care Quality Commission" names the regulator CQC (Care Quality Commission, in site.yaml), but as a topic it gets a page of its own, /topics/care-quality-commission/: if the article is about the regulator, write regulators: [CQC]; if the topic is a matter of its own, name it so`,
		},
		{
			name: "a topic named as a regulator articles name",
			uses: []use{{regulators: []string{"ONR"}}, {regulators: []string{"ONR"}}, {topics: []string{"ONR"}}},
			want: `content/articles/a3.md:4: topics: "ONR" names the regulator ONR, whose page is /regulators/onr/; as a topic it gets a second page, /topics/onr/: if the article is about the regulator, write regulators: [ONR]; if the topic is a matter of its own, name it so`,
		},
		{
			name: "a topic named as a regulator by an article refused for another problem",
			uses: []use{{regulators: []string{"CQC"}}, {topics: []string{"CQC"}, refused: true}},
			want: `content/articles/a2.md:4: topics: "CQC" names the regulator CQC (Care Quality Commission, in site.yaml), whose page is /regulators/cqc/; as a topic it gets a second page, /topics/cqc/: if the article is about the regulator, write regulators: [CQC]; if the topic is a matter of its own, name it so`,
		},
		{
			name: "a draft's misspelling, told before it comes out",
			uses: []use{{topics: []string{"ICS assessments"}}, {topics: []string{"ICS assessments"}}, {topics: []string{"ICS assesments"}, draft: true}},
			want: `content/articles/a3.md:4: topics: "ICS assesments" looks like a misspelling of "ICS assessments", which 2 articles use: if so, write "ICS assessments"; if it is a new topic, give it an intro page at content/topics/ics-assesments.md`,
		},
		{
			name: "a new name used once, near no other, is no misspelling",
			uses: []use{{topics: []string{"news"}}, {topics: []string{"Workforce"}}, {topics: []string{"Workforce"}}, {regulators: []string{"ONR"}}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			set := &content.Set{Settings: testSettings()}
			for i, u := range tt.uses {
				a := article("a"+string(rune('1'+i)), day(2025, 3, 1+i))
				a.Topics, a.Regulators = u.topics, u.regulators
				a.Lines.Set("topics", 4)
				a.Lines.Set("regulators", 5)
				a.Draft = u.draft
				if u.refused {
					set.Refused = append(set.Refused, a)
					continue
				}
				set.Articles = append(set.Articles, a)
			}
			for _, title := range tt.intros {
				slug := content.Slug(title)
				set.Topics = append(set.Topics, &content.Page{File: "content/topics/" + slug + ".md", Slug: slug, Title: title})
			}
			s, err := New(set, nil, testNow)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, m := range s.Misspelt {
				if !m.Problem.Warning {
					t.Errorf("%s is not marked as a warning", m.Problem)
				}
				got = append(got, strings.Replace(m.Problem.Error(), ": warning: ", ": ", 1))
			}
			if want := []string{tt.want}; tt.want == "" && len(got) > 0 || tt.want != "" && !slices.Equal(got, want) {
				t.Errorf("got warnings\n\t%q\nwant\n\t%q", got, tt.want)
			}
		})
	}
}
