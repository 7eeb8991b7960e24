"""What one pull of the hub did, counted: apart from the coordinator's reading of files,
so that the window can show it without loading the reading itself at start-up."""

from dataclasses import dataclass


@dataclass(frozen=True)
class PullReport:
    files_merged: int = 0
    rejected: int = 0
    summaries_new: int = 0
    summaries_updated: int = 0

    def __add__(self, other: "PullReport") -> "PullReport":
        return PullReport(self.files_merged + other.files_merged, self.rejected + other.rejected,
                          self.summaries_new + other.summaries_new,
                          self.summaries_updated + other.summaries_updated)
