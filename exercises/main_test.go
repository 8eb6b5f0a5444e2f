package exercises

import (
	"os"
	"testing"

	"workbook/runner"
)

func TestMain(m *testing.M) {
	runner.Child()
	os.Exit(m.Run())
}
