"""The Argument Interchange Format (AIF JSON): reader and writer."""
