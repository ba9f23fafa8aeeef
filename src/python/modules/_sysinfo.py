# sys, the Python half (sys.cpp makes the streams, argv, limits): version_info, float_info,
# int_info, flags as CPython's struct sequences, set on the sys module. Imported as _sysinfo
# by init_interp once the interpreter is set up; runs at every interpreter start: keep it small.
import sys as _sys
from _structseq import structseq as _structseq

version_info = _structseq('sys.version_info',
                          ('major', 'minor', 'micro', 'releaselevel', 'serial'))(_sys.version_info)
float_info = _structseq('sys.float_info',
                        ('max', 'max_exp', 'max_10_exp', 'min', 'min_exp', 'min_10_exp', 'dig',
                         'mant_dig', 'epsilon', 'radix', 'rounds'))(
    (1.7976931348623157e+308, 1024, 308, 2.2250738585072014e-308, -1021, -307, 15, 53,
     2.220446049250313e-16, 2, 1))
int_info = _structseq('sys.int_info', ('bits_per_digit', 'sizeof_digit',
                                       'default_max_str_digits', 'str_digits_check_threshold'))(
    (30, 4, 4300, 640))
flags = _structseq('sys.flags', ('debug', 'inspect', 'interactive', 'optimize',
                                 'dont_write_bytecode', 'no_user_site', 'no_site',
                                 'ignore_environment', 'verbose', 'bytes_warning', 'quiet',
                                 'hash_randomization', 'isolated', 'dev_mode', 'utf8_mode',
                                 'warn_default_encoding', 'safe_path', 'int_max_str_digits'))(
    (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, False, 0, 0, False, -1))
del _structseq


def getdefaultencoding():
    return 'utf-8'


for _name in ('version_info', 'float_info', 'int_info', 'flags', 'getdefaultencoding'):
    setattr(_sys, _name, globals()[_name])
_sys.path = []
del _name
