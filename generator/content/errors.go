package content

import (
	"cmp"
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Error is one problem in one source file, at one line.
type Error struct {
	File string // path as the editor knows it, e.g. content/articles/x.md
	Line int    // 1-based; 0 when the problem concerns the whole file
	Msg  string
	// Warning marks a problem that may be meant, such as a name that
	// looks like a misspelling: it is reported but fails nothing.
	Warning bool
	// Target is, for a link or image to a page or file the site lacks,
	// the site path it points at; "" for other problems.
	Target string
	// Claimed is, for an address that something else has too, the
	// address; "" for other problems. Rival is where that something
	// else asks for it, as Place gives it, when it is an article's field;
	// "" when it is a content file, the theme's or the site's own.
	Claimed, Rival string
}

// Place is the file and line of a problem, as "file:line".
func (e *Error) Place() string { return fmt.Sprintf("%s:%d", e.File, e.Line) }

func (e *Error) Error() string {
	msg := oneLine(e.Msg)
	if e.Warning {
		msg = "warning: " + msg
	}
	// A problem is printed on one line whatever its name and message
	// quote, so that no file name or title can start a line of its own,
	// which a CI log could take for a command.
	file := printedName(e.File)
	switch {
	case file == "":
		return msg
	case e.Line == 0:
		return file + ": " + msg
	}
	return fmt.Sprintf("%s:%d: %s", file, e.Line, msg)
}

// Errors is every problem found in a run, reported together.
type Errors []*Error

func (es Errors) Error() string {
	lines := make([]string, len(es))
	for i, e := range es {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}

// Err returns the list sorted by place (see ByPlace) as an error, or nil
// when it is empty.
func (es Errors) Err() error {
	if len(es) == 0 {
		return nil
	}
	return es.ByPlace()
}

// ByPlace sorts the problems by file and line, keeping the order of
// those on one line, as they stand in it, and returns them, each told
// once (a list of three bad items alike gives three alike).
func (es Errors) ByPlace() Errors {
	slices.SortStableFunc(es, func(a, b *Error) int {
		return cmp.Or(strings.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line))
	})
	seen := make(map[Error]bool, len(es))
	return slices.DeleteFunc(es, func(e *Error) bool {
		told := seen[*e]
		seen[*e] = true
		return told
	})
}

// AsErrors gives the problems an error holds, each with its file and
// line where it has them; nil for no error.
func AsErrors(err error) Errors {
	if err == nil {
		return nil
	}
	var es Errors
	if errors.As(err, &es) {
		return es
	}
	var e *Error
	if errors.As(err, &e) {
		return Errors{e}
	}
	return Errors{{Msg: err.Error()}}
}

// Unreadable is the problem of a file or folder that could not be read,
// at its path in the folder dir as editors name it: pe is the error
// reading it from dir's fs.FS gave.
func Unreadable(dir string, pe *fs.PathError) *Error {
	return &Error{File: JoinPath(dir, pe.Path), Msg: "can't read it: " + pe.Err.Error()}
}

// longValue is the most bytes of a value a message quotes whole.
const longValue = 200

// shownValue quotes the value s for a message, as %q does, its start alone
// where it is long, with its length: a value pasted into the wrong field
// would else fill the screen, once for each message that names it.
func shownValue(s string) string {
	if len(s) <= longValue {
		return strconv.Quote(s)
	}
	return fmt.Sprintf("%s (%d characters)", strconv.Quote(Truncate(s, longValue/2)), utf8.RuneCountInString(s))
}
