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
	}
	err := es.Err()
	// Problems on one line keep their order, as they stand in it.
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
