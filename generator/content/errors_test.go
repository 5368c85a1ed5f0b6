package content

import (
	"testing"
)

func TestErrors(t *testing.T) {
	es := Errors{
		{File: "content/b.md", Line: 2, Msg: "title: missing"},
		{File: "content/a.md", Line: 10, Msg: "late"},
		{File: "content/a.md", Line: 0, Msg: "file is not valid UTF-8"},
		{File: "content/a.md", Line: 9, Msg: "b"},
		{File: "content/a.md", Line: 9, Msg: "a"},
		{File: "content/a.md", Line: 9, Msg: "b"},
	}
	err := es.Err()
	// Problems on one line keep their order, as they stand in it, each
	// told once.
	want := "content/a.md: file is not valid UTF-8\n" +
		"content/a.md:9: b\n" +
		"content/a.md:9: a\n" +
		"content/a.md:10: late\n" +
		"content/b.md:2: title: missing"
	if err == nil || err.Error() != want {
		t.Errorf("Err(): got\n%v\nwant\n%s", err, want)
	}
	if err := (Errors{}).Err(); err != nil {
		t.Errorf("Errors{}.Err(): got %v, want nil", err)
	}
	if err := Errors(nil).Err(); err != nil {
		t.Errorf("Errors(nil).Err(): got %v, want nil", err)
	}
}

// TestErrorOneLine prints each problem on one line whatever its file
// name and message hold, so that neither can start a line a CI log would
// read as a command.
func TestErrorOneLine(t *testing.T) {
	tests := []struct {
		e    Error
		want string
	}{
		{Error{File: "content/a\n::error::x.md", Line: 3, Msg: "title: missing"}, `content/a\n::error::x.md:3: title: missing`},
		{Error{File: "content/a.md", Msg: "held back \"T\n::warning::x\"", Warning: true}, `content/a.md: warning: held back "T\n::warning::x"`},
		{Error{File: "content/νόμος\u200c.md", Line: 1, Msg: "ok"}, "content/νόμος\u200c.md:1: ok"},
	}
	for _, tt := range tests {
		if got := tt.e.Error(); got != tt.want {
			t.Errorf("got %q, want %q", got, tt.want)
		}
	}
}
