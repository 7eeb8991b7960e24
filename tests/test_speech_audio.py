"""The system's voice really makes sound: espeak-ng (the voice speech-dispatcher uses on
Debian) says a French sentence into a WAV file, and sox measures it. A second of silence,
measured the same way, shows the measure can tell."""

import re
import shutil
import subprocess
import sys

import pytest

pytestmark = [
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="espeak-ng : la voix de Linux"),
    pytest.mark.skipif(shutil.which("espeak-ng") is None, reason="espeak-ng absent (packaging/system-deps.sh l'installe)"),
    pytest.mark.skipif(shutil.which("sox") is None, reason="sox absent (packaging/system-deps.sh l'installe)"),
]

HEARD = 0.02  # RMS amplitude (full scale = 1): speech is about 0.1, silence 0


def rms_amplitude(wav) -> float:
    stats = subprocess.run(["sox", str(wav), "-n", "stat"], capture_output=True, text=True, check=True).stderr
    return float(re.search(r"RMS\s+amplitude:\s+([0-9.]+)", stats).group(1))


def test_a_french_sentence_is_heard(tmp_path):
    wav = tmp_path / "consigne.wav"
    subprocess.run(["espeak-ng", "-v", "fr", "-s", "150", "-w", str(wav),
                    "Cliquez une fois sur le rond bleu, puis appuyez sur Commencer."], check=True, timeout=30)
    assert rms_amplitude(wav) > HEARD


def test_silence_is_not_taken_for_speech(tmp_path):
    wav = tmp_path / "silence.wav"
    subprocess.run(["sox", "-n", "-r", "22050", "-c", "1", str(wav), "trim", "0", "1"], check=True, timeout=30)
    assert rms_amplitude(wav) < HEARD
