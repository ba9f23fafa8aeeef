# enum (basic) for the playground's interpreter, after CPython 3.11's Lib/enum.py behaviour (our
# own code): Enum, IntEnum, StrEnum, Flag/IntFlag (values and | & only), auto, unique; members
# are singletons with name/value, iteration in definition order, lookup by value and by name,
# CPython's reprs ("<Color.RED: 1>") and error texts.

__all__ = ['EnumMeta', 'EnumType', 'Enum', 'IntEnum', 'StrEnum', 'Flag', 'IntFlag', 'auto',
           'unique']


class auto:
    _counter = 0

    def __init__(self):
        auto._counter += 1
        self._order = auto._counter
        self.value = None

    def __repr__(self):
        return "auto(%r)" % (self.value,)


def _is_descriptor(obj):
    return hasattr(obj, '__get__') or hasattr(obj, '__set__') or hasattr(obj, '__delete__')


def _is_dunder(name):
    return len(name) > 4 and name[:2] == name[-2:] == '__' and name[2] != '_' and name[-3] != '_'


def _is_sunder(name):
    return len(name) > 2 and name[0] == name[-1] == '_' and name[1] != '_' and name[-2] != '_'


class EnumType(type):
    def __new__(metacls, cls, bases, classdict, **kwds):
        member_names = []
        member_values = {}
        for key in list(classdict.keys()):
            if _is_dunder(key) or _is_sunder(key) or key.startswith('_'):
                continue
            value = classdict[key]
            if _is_descriptor(value) and not isinstance(value, auto):
                continue
            member_names.append(key)
            member_values[key] = value
        for key in member_names:
            del classdict[key]
        enum_class = super().__new__(metacls, cls, bases, classdict, **kwds)
        enum_class._info_ = {}  # id(member) -> (name, value): int/str members have no __dict__
        enum_class._member_names_ = []
        enum_class._member_map_ = {}
        enum_class._value2member_map_ = {}
        member_type = object
        for base in enum_class.__mro__[1:]:
            if base is not object and not isinstance(base, EnumType):
                member_type = base
                break
        enum_class._member_type_ = member_type
        # A mixed-in data type (IntEnum's int) keeps Enum's repr, as CPython's ReprEnum.
        base_enum = globals().get('Enum')
        if (member_type is not object and base_enum is not None and '__repr__' not in classdict
                and getattr(enum_class, '__repr__') is getattr(member_type, '__repr__')):
            type.__setattr__(enum_class, '__repr__', base_enum.__repr__)
        last_values = []
        for name in member_names:
            value = member_values[name]
            if isinstance(value, auto):
                value = enum_class._generate_next_value_(name, 1, len(last_values), last_values[:])
            last_values.append(value)
            if value in enum_class._value2member_map_:
                canonical = enum_class._value2member_map_[value]
                enum_class._member_map_[name] = canonical
                type.__setattr__(enum_class, name, canonical)
                continue
            if member_type is object:
                member = object.__new__(enum_class)
            else:
                args = value if isinstance(value, tuple) and member_type is not tuple else (value,)
                member = member_type.__new__(enum_class, *args)
            enum_class._info_[id(member)] = (name, value)
            if '__init__' in enum_class.__dict__:
                args = value if isinstance(value, tuple) else (value,)
                enum_class.__init__(member, *args)
            enum_class._member_names_.append(name)
            enum_class._member_map_[name] = member
            try:
                enum_class._value2member_map_[value] = member
            except TypeError:
                pass
            type.__setattr__(enum_class, name, member)
        return enum_class

    def __call__(cls, value, *args, **kwds):
        if args or kwds:
            raise TypeError("functional Enum API is not available in the playground")
        if isinstance(value, cls):
            return value
        try:
            return cls._value2member_map_[value]
        except (KeyError, TypeError):
            pass
        for member in cls._member_map_.values():
            if member._value_ == value:
                return member
        missing = cls._missing_(value)
        if missing is not None:
            return missing
        raise ValueError(f"{value!r} is not a valid {cls.__qualname__}")

    def __getitem__(cls, name):
        return cls._member_map_[name]

    def __iter__(cls):
        return (cls._member_map_[name] for name in cls._member_names_)

    def __reversed__(cls):
        return (cls._member_map_[name] for name in reversed(cls._member_names_))

    def __len__(cls):
        return len(cls._member_names_)

    def __contains__(cls, member):
        if isinstance(member, cls):
            return member._name_ in cls._member_map_
        return any(m._value_ == member for m in cls._member_map_.values())

    def __bool__(cls):
        return True

    def __repr__(cls):
        return f"<enum {cls.__name__!r}>"

    @property
    def __members__(cls):
        return dict(cls._member_map_)

    def __setattr__(cls, name, value):
        member_map = cls.__dict__.get('_member_map_', {})
        if name in member_map:
            raise AttributeError(f'cannot reassign member {name!r}')
        super().__setattr__(name, value)


EnumMeta = EnumType


class Enum(metaclass=EnumType):
    @property
    def _name_(self):
        return type(self)._info_[id(self)][0]

    @property
    def _value_(self):
        return type(self)._info_[id(self)][1]

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        for v in reversed(last_values):
            try:
                return v + 1
            except TypeError:
                pass
        return start

    @classmethod
    def _missing_(cls, value):
        return None

    def __repr__(self):
        return f"<{self.__class__.__name__}.{self._name_}: {self._value_!r}>"

    def __str__(self):
        return f"{self.__class__.__name__}.{self._name_}"

    def __format__(self, format_spec):
        return format(str(self), format_spec)

    def __hash__(self):
        return hash(self._name_)

    def __reduce_ex__(self, proto):
        return self.__class__, (self._value_,)

    def __dir__(self):
        return ['__class__', '__doc__', '__module__', 'name', 'value']

    @property
    def name(self):
        return self._name_

    @property
    def value(self):
        return self._value_


class ReprEnum(Enum):
    def __str__(self):
        return self._member_type_.__str__(self) if self._member_type_ is not object else Enum.__str__(self)

    def __format__(self, format_spec):
        return self._member_type_.__format__(self._value_, format_spec)


class IntEnum(int, ReprEnum):
    def __str__(self):
        return int.__repr__(self._value_)


class StrEnum(str, ReprEnum):
    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        return name.lower()

    def __str__(self):
        return str.__str__(self._value_)


class Flag(Enum):
    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        if not count:
            return start if start is not None else 1
        high = max(last_values)
        return 2 ** (high.bit_length())

    @classmethod
    def _missing_(cls, value):
        if not isinstance(value, int):
            return None
        pseudo = object.__new__(cls) if cls._member_type_ is object else cls._member_type_.__new__(cls, value)
        names = [m._name_ for m in cls if m._value_ and m._value_ & value == m._value_]
        cls._info_[id(pseudo)] = ('|'.join(names) if names else None, value)
        cls._value2member_map_[value] = pseudo  # kept alive, as CPython caches pseudo-members
        return pseudo

    def __or__(self, other):
        return self.__class__(self._value_ | other._value_)

    def __and__(self, other):
        return self.__class__(self._value_ & other._value_)

    def __xor__(self, other):
        return self.__class__(self._value_ ^ other._value_)

    def __contains__(self, other):
        return other._value_ & self._value_ == other._value_

    def __bool__(self):
        return bool(self._value_)

    def __repr__(self):
        return f"<{self.__class__.__name__}.{self._name_}: {self._value_!r}>"


class IntFlag(int, Flag):
    def __str__(self):
        return int.__repr__(self._value_)


def unique(enumeration):
    duplicates = []
    for name, member in enumeration.__members__.items():
        if name != member.name:
            duplicates.append((name, member.name))
    if duplicates:
        alias_details = ', '.join(["%s -> %s" % (alias, name) for (alias, name) in duplicates])
        raise ValueError('duplicate values found in %r: %s' % (enumeration, alias_details))
    return enumeration
