package importer

import (
	"slices"
	"strings"
	"testing"
)

func TestNotes(t *testing.T) {
	for _, tc := range []struct {
		name, in, want  string
		turned, grouped int
		open            []string // the lines of the containers never closed, told
	}{
		{"Docusaurus, with a title", ":::tip Guest posts\nWrite to [us](/contact/).\n:::\n", "> **Guest posts**\n>\n> Write to [us](/contact/).\n", 1, 0, nil},
		{"Docusaurus, a title ending in a colon", ":::note For more Ent news and updates:\n\n- Follow us.\n\n:::\n", "> **For more Ent news and updates:**\n>\n> - Follow us.\n", 1, 0, nil},
		{"a title with a colon in it", ":::info Note: read this\nText.\n:::\n", "> **Note: read this**\n>\n> Text.\n", 1, 0, nil},
		{"Docusaurus 3, a title in brackets", ":::note[Heads up]\nText.\n:::\n", "> **Heads up**\n>\n> Text.\n", 1, 0, nil},
		{"VitePress, its kind alone", "Before.\n\n::: info\nText.\n:::\nAfter.\n", "Before.\n\n> **Info**\n>\n> Text.\n\nAfter.\n", 1, 0, nil},
		{"nested, with more colons", "::::warning\nOuter.\n:::tip\nInner.\n:::\n::::\n", "> **Warning**\n>\n> Outer.\n> > **Tip**\n> >\n> > Inner.\n", 2, 0, nil},
		{"code in it", ":::note\n```yaml\na: 1\n:::\n```\n:::\n", "> **Note**\n>\n> ```yaml\n> a: 1\n> :::\n> ```\n", 1, 0, nil},
		{"a code group loses its marks", "::: code-group\n```sh [npm]\nnpm i\n```\n:::\n", "```sh [npm]\nnpm i\n```\n", 0, 1, nil},
		{"MkDocs, with a title", "!!! tip \"Guest Posts\"\n\n    Write to [us](/contact/).\n    More.\n\nAfter.\n", "> **Guest Posts**\n>\n> Write to [us](/contact/).\n> More.\n\nAfter.\n", 1, 0, nil},
		{"MkDocs folded", "???+ note\n    Text.\n", "> **Note**\n>\n> Text.\n", 1, 0, nil},
		{"never closed", ":::tip\nText.\n", ":::tip\nText.\n", 0, 0, []string{":::tip"}},
		{"never closed, after one closed", "::: info\nA.\n:::\n\n::: warning Mind\nB.\n", "> **Info**\n>\n> A.\n\n::: warning Mind\nB.\n", 1, 0, []string{"::: warning Mind"}},
		{"never closed, in a MkDocs admonition", "!!! note\n    Text.\n    :::tip\n    More.\n", "> **Note**\n>\n> Text.\n> :::tip\n> More.\n", 1, 0, []string{"    :::tip"}},
		{"in code", "```\n:::tip\nx\n:::\n```\n", "```\n:::tip\nx\n:::\n```\n", 0, 0, nil},
		{"a note and a code group", ":::tip\nA.\n:::\n\n::: code-group\n```sh\nx\n```\n:::\n", "> **Tip**\n>\n> A.\n\n```sh\nx\n```\n", 1, 1, nil},
		{"a ratio in text", "The odds were 3:::1.\n", "The odds were 3:::1.\n", 0, 0, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, turned, grouped, open := notes(tc.in)
			if got != tc.want || turned != tc.turned || grouped != tc.grouped {
				t.Errorf("notes(%q) =\n%q, %d, %d\nwant\n%q, %d, %d", tc.in, got, turned, grouped, tc.want, tc.turned, tc.grouped)
			}
			var lines []string
			for _, o := range open {
				line, _, _ := strings.Cut(tc.in[o.at:], "\n")
				lines = append(lines, line)
				if !strings.Contains(o.msg, "that closes it: kept as text") {
					t.Errorf("told %q, want it said that nothing closes it and it is kept as text", o.msg)
				}
			}
			if !slices.Equal(lines, tc.open) {
				t.Errorf("told the containers never closed at %q, want %q", lines, tc.open)
			}
		})
	}
}

// TestCodeGroupsToldApart tells a VitePress code group, whose marks go
// and whose code blocks stay, apart from the notes that became quotes:
// a post with code groups alone has no note to look for.
func TestCodeGroupsToldApart(t *testing.T) {
	group := "::: code-group\n```sh [npm]\nnpm i\n```\n:::\n"
	for _, tt := range []struct {
		name, body string
		want       []string
	}{
		{"code groups alone", group + "\nText.\n\n" + group, []string{"2 VitePress code groups (::: code-group) lost their marks, their code blocks kept"}},
		{"a note and a code group", ":::tip\nA.\n:::\n\n" + group, []string{"1 note (:::tip, !!! note) became a quote", "1 VitePress code group (::: code-group) lost its marks, its code blocks kept"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			src := tree(t, map[string]string{"_config.yml": "", "_posts/2024-01-02-groups.md": "---\ntitle: Groups\n---\n" + tt.body})
			r := mustImport(t, src, t.TempDir())
			var told []string
			for _, n := range r.Warnings {
				if strings.Contains(n.Msg, "(:::tip, !!! note)") || strings.Contains(n.Msg, "code group") {
					told = append(told, n.Msg)
				}
			}
			if !slices.Equal(told, tt.want) {
				t.Errorf("told %q, want %q", told, tt.want)
			}
		})
	}
}
