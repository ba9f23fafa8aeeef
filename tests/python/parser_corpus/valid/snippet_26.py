f'{x}' 'plain' f'{y:{z}}' rf'\d{w}' F'{3.14:.2f}' f'' f'{a}{b}'
